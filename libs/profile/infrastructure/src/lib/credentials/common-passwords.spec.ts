import { loadCommonPasswords } from './common-passwords';

describe('the shipped common-password list', () => {
  const list = loadCommonPasswords();

  it('holds a few thousand entries, all long enough to pass the length rule', () => {
    expect(list.size).toBeGreaterThan(3_000);
    expect([...list].every((entry) => entry.length >= 8 && entry === entry.toLowerCase())).toBe(true);
  });

  it('has the usual suspects', () => {
    for (const password of ['12345678', 'password', 'password1', 'qwerty123', 'iloveyou', '1q2w3e4r', 'wachtwoord', 'welkom01']) {
      expect(list.has(password)).toBe(true);
    }
  });
});
