/** REGISTRATION: whether anyone may create a STUDENT account for themselves. */
export interface RegistrationSettings {
  open: boolean;
}

export const REGISTRATION_SETTINGS = Symbol('REGISTRATION_SETTINGS');

/** The `ClientVersions` from configuration (MIN_CLIENT_VERSION_*), until a TECH_ADMIN stores others per platform. */
export const DEFAULT_CLIENT_VERSIONS = Symbol('DEFAULT_CLIENT_VERSIONS');
