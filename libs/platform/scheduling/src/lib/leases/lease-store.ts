export interface Lease {
  name: string;
  holder: string;
  expiresAt: Date;
}

/**
 * Exclusive, expiring ownership of a name among app instances. A holder that stops renewing
 * (crash, network partition) loses the lease when it expires, and another may take it.
 */
export interface LeaseStore {
  /** Takes the lease when it is free or expired, or extends it when `holder` has it already; null otherwise. */
  acquire(name: string, holder: string, ttlMs: number): Promise<Lease | null>;
  /** Extends a lease `holder` still has; null when it was lost. */
  renew(name: string, holder: string, ttlMs: number): Promise<Lease | null>;
  /** Gives the lease up at once, if `holder` has it. */
  release(name: string, holder: string): Promise<void>;
}
