import { assertValidContentType, assertValidExpiry, assertValidObjectKey } from './object-key';
import { InvalidObjectKeyError, InvalidStorageOptionsError } from './storage-errors';

describe('assertValidObjectKey', () => {
  it.each(['a', 'videos/2026/intro.mp4', 'names with spaces/ünïcode ✓.txt', 'a..b/c.d', '.hidden/x'])(
    'accepts %p',
    (key) => expect(() => assertValidObjectKey(key)).not.toThrow(),
  );

  it.each([
    ['', 'empty'],
    ['/etc/passwd', 'absolute'],
    ['C:/windows', 'absolute'],
    ['../secret', '".." segment'],
    ['a/../../b', '".." segment'],
    ['a/./b', '"." segment'],
    ['a//b', 'empty path segment'],
    ['a/', 'empty path segment'],
    ['a\\..\\b', 'backslash'],
    ['a\u0000b', 'control'],
    ['x'.repeat(1025), 'longer than'],
  ])('rejects %p', (key, reason) => {
    expect(() => assertValidObjectKey(key)).toThrow(InvalidObjectKeyError);
    expect(() => assertValidObjectKey(key)).toThrow(reason);
  });
});

describe('presign option checks', () => {
  it('limits expiry to 1 s .. 7 days, whole seconds', () => {
    expect(() => assertValidExpiry(60)).not.toThrow();
    for (const bad of [0, -1, 1.5, 7 * 24 * 3600 + 1, Number.NaN]) {
      expect(() => assertValidExpiry(bad)).toThrow(InvalidStorageOptionsError);
    }
  });

  it('accepts media types and rejects header injection', () => {
    expect(() => assertValidContentType('image/png')).not.toThrow();
    expect(() => assertValidContentType('text/plain; charset=utf-8')).not.toThrow();
    expect(() => assertValidContentType('text/plain\r\nx-evil: 1')).toThrow(InvalidStorageOptionsError);
    expect(() => assertValidContentType('png')).toThrow(InvalidStorageOptionsError);
  });
});
