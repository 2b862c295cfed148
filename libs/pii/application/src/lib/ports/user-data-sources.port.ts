import type { UserDataSection } from '@tall/platform/call-contracts';

/** Every context of the app's module catalog, each answering for its own section of the GDPR export. */
export interface UserDataSources {
  readonly modules: readonly string[];
  exportOf(module: string, userId: string): Promise<UserDataSection>;
}

export const USER_DATA_SOURCES = Symbol('USER_DATA_SOURCES');
