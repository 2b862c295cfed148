import { LocalUrlSigner, type SignedUrlQuery } from './url-signer';

const SECRET = 'a-test-secret-that-is-at-least-32-bytes-long';
const NOW_MS = Date.UTC(2026, 10, 23, 12, 0, 0);

describe('LocalUrlSigner', () => {
  const signer = new LocalUrlSigner(SECRET, () => NOW_MS);
  const expires = NOW_MS / 1000 + 60;
  const signature = signer.sign({ method: 'GET', key: 'videos/intro.mp4', expires });
  const valid: SignedUrlQuery = { method: 'GET', key: 'videos/intro.mp4', expires: String(expires), signature };

  it('accepts an untouched URL before its expiry', () => {
    expect(signer.verify(valid)).toEqual({ valid: true, expires });
  });

  it('rejects a tampered key', () => {
    expect(signer.verify({ ...valid, key: 'videos/other.mp4' })).toEqual({
      valid: false,
      failure: 'STORAGE_URL_SIGNATURE_INVALID',
    });
  });

  it('rejects a tampered expiry as an invalid signature, not as expired', () => {
    expect(signer.verify({ ...valid, expires: String(expires + 3600) })).toEqual({
      valid: false,
      failure: 'STORAGE_URL_SIGNATURE_INVALID',
    });
  });

  it('rejects an expired URL', () => {
    const later = new LocalUrlSigner(SECRET, () => NOW_MS + 60_000);
    expect(later.verify(valid)).toEqual({ valid: false, failure: 'STORAGE_URL_EXPIRED' });
    const justBefore = new LocalUrlSigner(SECRET, () => NOW_MS + 59_999);
    expect(justBefore.verify(valid).valid).toBe(true);
  });

  it('rejects a GET signature used for a PUT', () => {
    expect(signer.verify({ ...valid, method: 'PUT' }).valid).toBe(false);
  });

  it('binds a PUT signature to its content type', () => {
    const put = signer.sign({ method: 'PUT', key: 'a.png', expires, contentType: 'image/png' });
    const query: SignedUrlQuery = { method: 'PUT', key: 'a.png', expires: String(expires), signature: put, contentType: 'image/png' };
    expect(signer.verify(query).valid).toBe(true);
    expect(signer.verify({ ...query, contentType: 'text/html' }).valid).toBe(false);
  });

  it('rejects a signature made with another secret', () => {
    const other = new LocalUrlSigner('another-secret-that-is-at-least-32-bytes', () => NOW_MS);
    expect(other.verify(valid).valid).toBe(false);
  });

  it.each([
    ['missing signature', { signature: undefined }],
    ['missing expiry', { expires: undefined }],
    ['non-numeric expiry', { expires: '1e12' }],
    ['truncated signature', { signature: signature.slice(0, 20) }],
    ['signature with a flipped character', { signature: (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1) }],
  ])('rejects a %s', (_name, change) => {
    expect(signer.verify({ ...valid, ...change })).toEqual({ valid: false, failure: 'STORAGE_URL_SIGNATURE_INVALID' });
  });

  it('refuses a short secret', () => {
    expect(() => new LocalUrlSigner('short')).toThrow(/at least 32 bytes/);
  });
});
