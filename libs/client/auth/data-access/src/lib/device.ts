import type { TokenStorage } from '@tall/client/api';

const DEVICE_KEY = 'tall.deviceId';

/** A random id for this browser, kept across visits: sessions are bound to it. */
export function deviceId(storage: TokenStorage, random: () => string = () => crypto.randomUUID()): string {
  const existing = storage.getItem(DEVICE_KEY);
  if (existing && /^[A-Za-z0-9._:-]{1,128}$/.test(existing)) return existing;
  const id = `web-${random()}`;
  storage.setItem(DEVICE_KEY, id);
  return id;
}

/** "Chrome on Linux": how the sessions list names this browser. */
export function deviceName(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'Browser';
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : 'an unknown system';
  return `${browser} on ${system}`;
}
