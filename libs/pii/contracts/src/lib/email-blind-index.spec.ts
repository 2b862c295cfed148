import { createHmac } from 'node:crypto';
import { BLIND_INDEX_PATTERN, emailBlindIndex, generateBlindIndexKey } from './email-blind-index';

describe('emailBlindIndex', () => {
  const key = generateBlindIndexKey();

  it('is HMAC-SHA256 of the trimmed, lower-cased address, in hex', () => {
    const expected = createHmac('sha256', Buffer.from(key, 'base64')).update('ada@example.org').digest('hex');
    expect(emailBlindIndex(key, '  Ada@Example.ORG ')).toBe(expected);
    expect(emailBlindIndex(Buffer.from(key, 'base64'), 'ada@example.org')).toBe(expected);
    expect(expected).toMatch(BLIND_INDEX_PATTERN);
  });

  it('differs per key and per address', () => {
    expect(emailBlindIndex(generateBlindIndexKey(), 'ada@example.org')).not.toBe(emailBlindIndex(key, 'ada@example.org'));
    expect(emailBlindIndex(key, 'ada@example.org')).not.toBe(emailBlindIndex(key, 'ada@example.com'));
  });

  it('refuses a short key', () => {
    expect(() => emailBlindIndex(Buffer.alloc(16).toString('base64'), 'ada@example.org')).toThrow(/at least 32 bytes/);
  });
});
