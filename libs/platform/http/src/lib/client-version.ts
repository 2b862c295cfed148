import semver from 'semver';

export const CLIENT_PLATFORMS = ['web', 'android', 'desktop'] as const;
export type ClientPlatform = (typeof CLIENT_PLATFORMS)[number];

/** Where the minimum supported version of each client platform comes from (config now, the database later). */
export interface ClientVersionPolicy {
  minimumVersion(platform: ClientPlatform): string;
}

export const CLIENT_VERSION_POLICY = Symbol('CLIENT_VERSION_POLICY');

export class StaticClientVersionPolicy implements ClientVersionPolicy {
  constructor(private readonly minimums: Record<ClientPlatform, string>) {}

  minimumVersion(platform: ClientPlatform): string {
    return this.minimums[platform];
  }

  set(platform: ClientPlatform, version: string): void {
    this.minimums[platform] = version;
  }
}

export type ClientVersionVerdict =
  | { ok: true }
  | { ok: false; status: 400; code: 'INVALID_CLIENT_HEADERS'; message: string }
  | { ok: false; status: 426; code: 'CLIENT_UPGRADE_REQUIRED'; message: string; minVersion: string; platform: ClientPlatform };

/**
 * What X-Client-Version must be, exactly as the OpenAPI document says: Semantic Versioning 2.0.0
 * (a leading `v` allowed), every number of at most 15 digits (so `semver` reads it exactly), and at
 * most CLIENT_VERSION_MAX_LENGTH characters.
 */
export const CLIENT_VERSION_PATTERN =
  '^v?(0|[1-9][0-9]{0,14})\\.(0|[1-9][0-9]{0,14})\\.(0|[1-9][0-9]{0,14})(-(0|[1-9][0-9]{0,14}|[0-9]*[A-Za-z-][0-9A-Za-z-]*)(\\.(0|[1-9][0-9]{0,14}|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$';
export const CLIENT_VERSION_MAX_LENGTH = 128;
const CLIENT_VERSION = new RegExp(CLIENT_VERSION_PATTERN);

/** The version, normalised (`v` dropped), when it is one the contract allows; otherwise null. */
function readClientVersion(version: string): string | null {
  if (version.length > CLIENT_VERSION_MAX_LENGTH || !CLIENT_VERSION.test(version)) return null;
  return semver.valid(version);
}

/**
 * Requests without the headers pass (curl, tests); a known platform below its minimum must
 * upgrade. A header that is sent must be valid; one sent alone cannot be judged and passes (the
 * apps always send both; a generated request with one of the two is not wrong).
 */
export function checkClientVersion(
  platformHeader: string | string[] | undefined,
  versionHeader: string | string[] | undefined,
  policy: ClientVersionPolicy,
): ClientVersionVerdict {
  if (platformHeader === undefined && versionHeader === undefined) return { ok: true };
  const platform = platformHeader === undefined ? undefined : String(platformHeader).toLowerCase();
  const version = versionHeader === undefined ? undefined : String(versionHeader);
  if (platform !== undefined && !CLIENT_PLATFORMS.includes(platform as ClientPlatform)) {
    return {
      ok: false,
      status: 400,
      code: 'INVALID_CLIENT_HEADERS',
      message: `X-Client-Platform must be one of ${CLIENT_PLATFORMS.join(', ')}`,
    };
  }
  const parsed = version === undefined ? null : readClientVersion(version);
  if (version !== undefined && !parsed) {
    return { ok: false, status: 400, code: 'INVALID_CLIENT_HEADERS', message: 'X-Client-Version must be a semantic version' };
  }
  if (platform === undefined || !parsed) return { ok: true };
  const minVersion = policy.minimumVersion(platform as ClientPlatform);
  if (semver.lt(parsed, minVersion)) {
    return {
      ok: false,
      status: 426,
      code: 'CLIENT_UPGRADE_REQUIRED',
      message: `This version of the ${platform} app is no longer supported; please update to ${minVersion} or later`,
      minVersion,
      platform: platform as ClientPlatform,
    };
  }
  return { ok: true };
}
