import { parseCommonPasswords, PasswordRules } from './password-rules';

describe('PasswordRules', () => {
  const rules = new PasswordRules(parseCommonPasswords('password1\nwelkom01\r\n\n  Qwerty123  \n'));

  it('wants 8 to 128 characters, counted as characters not bytes', () => {
    expect(rules.problemWith('short')).toBe('TOO_SHORT');
    expect(rules.problemWith('é'.repeat(8))).toBeNull();
    expect(rules.problemWith('x'.repeat(129))).toBe('TOO_LONG');
    expect(rules.problemWith('x'.repeat(128))).toBeNull();
  });

  it('refuses common passwords whatever their case', () => {
    expect(rules.problemWith('Password1')).toBe('TOO_COMMON');
    expect(rules.problemWith('WELKOM01')).toBe('TOO_COMMON');
    expect(rules.problemWith('qwerty123')).toBe('TOO_COMMON');
    expect(rules.problemWith('correct horse battery')).toBeNull();
  });
});
