import type { MasterKey } from '@tall/pii/domain';

/**
 * Versions of the master key, from Secrets Manager, held in memory. Throws PiiError
 * `SERVICE_UNAVAILABLE` when a version it needs cannot be fetched.
 */
export interface MasterKeys {
  current(): Promise<MasterKey>;
  version(versionId: string): Promise<MasterKey>;
}

export interface RotatableMasterKeys extends MasterKeys {
  /** Stores a new master key version in Secrets Manager and makes it current. */
  createVersion(): Promise<MasterKey>;
  /** Forgets retired versions held in memory. */
  forget(versionIds: readonly string[]): void;
}

export const MASTER_KEYS = Symbol('MASTER_KEYS');
