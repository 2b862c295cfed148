import { z } from 'zod';
import { characterCount, emailAddress, typedText } from './typed-text';

describe('typedText', () => {
  const name = typedText({ min: 1, max: 5 });

  it('counts characters as JSON Schema does, not UTF-16 units', () => {
    expect(characterCount('😀😀')).toBe(2);
    expect(name.safeParse('😀😀😀😀😀').success).toBe(true);
    expect(name.safeParse('abcdef').success).toBe(false);
  });

  it('refuses text that is only whitespace, and trims what it accepts', () => {
    expect(name.safeParse(' \u00a0\u3000').success).toBe(false);
    expect(name.safeParse('  ab ').data).toBe('ab');
    // A character JavaScript does not trim is text, whatever other engines call it.
    expect(name.safeParse('\u001c').success).toBe(true);
  });

  it('says the same in its JSON Schema', () => {
    expect(z.toJSONSchema(name, { io: 'input' })).toMatchObject({ type: 'string', minLength: 1, maxLength: 5, pattern: expect.stringContaining('\\u3000') });
    const note = z.toJSONSchema(typedText({ max: 3 }), { io: 'input' });
    expect(note).toMatchObject({ maxLength: 3 });
    expect(note).not.toHaveProperty('pattern');
    expect(typedText({ max: 3 }).safeParse('   ').data).toBe('');
  });
});

describe('emailAddress', () => {
  it('refuses what the email format refuses beyond the pattern: a long local part or domain label', () => {
    expect(emailAddress().safeParse('ada@example.org').success).toBe(true);
    expect(emailAddress().safeParse(`${'a'.repeat(64)}@example.org`).success).toBe(true);
    expect(emailAddress().safeParse(`${'a'.repeat(65)}@example.org`).success).toBe(false);
    expect(emailAddress().safeParse(`ada@${'b'.repeat(64)}.org`).success).toBe(false);
    expect(z.toJSONSchema(emailAddress(), { io: 'input' })).toMatchObject({ format: 'email', maxLength: 254 });
  });
});
