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

/** Requests without the headers pass (curl, tests); a known platform below its minimum must upgrade. */
export function checkClientVersion(
  platformHeader: string | string[] | undefined,
  versionHeader: string | string[] | undefined,
  policy: ClientVersionPolicy,
): ClientVersionVerdict {
  if (platformHeader === undefined && versionHeader === undefined) return { ok: true };
  const platform = String(platformHeader ?? '').toLowerCase();
  const version = String(versionHeader ?? '');
  if (!CLIENT_PLATFORMS.includes(platform as ClientPlatform)) {
    return {
      ok: false,
      status: 400,
      code: 'INVALID_CLIENT_HEADERS',
      message: `X-Client-Platform must be one of ${CLIENT_PLATFORMS.join(', ')}`,
    };
  }
  const parsed = semver.valid(semver.coerce(version) ? version : '');
  if (!parsed) {
    return { ok: false, status: 400, code: 'INVALID_CLIENT_HEADERS', message: 'X-Client-Version must be a semantic version' };
  }
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
