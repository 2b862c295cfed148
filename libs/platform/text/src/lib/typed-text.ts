import { z } from 'zod';

/**
 * The characters `String.prototype.trim` removes (ECMAScript WhiteSpace and LineTerminator), as a
 * regular-expression class body. Spelled out rather than `\s`: other regex engines (the contract
 * fuzzer's, client validators) disagree with JavaScript about a few of them.
 */
const TRIMMED_WHITESPACE = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
/** Somewhere a character that trimming keeps. */
export const NOT_BLANK_PATTERN = `[^${TRIMMED_WHITESPACE}]`;

/** Characters as JSON Schema counts them (code points), not UTF-16 units as `string.length` does. */
export function characterCount(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

/**
 * Text a person typed (a name, a word, a note): checked exactly as its JSON Schema in the OpenAPI
 * document says — between `min` and `max` characters counted as JSON Schema counts them, and, when
 * `min` ≥ 1, not only whitespace — and then stored without surrounding whitespace. So whatever a
 * generated client or the contract fuzzer takes for valid is accepted, and nothing else.
 */
export function typedText({ min = 0, max }: { min?: number; max: number }) {
  const length = z.string().refine((value) => characterCount(value) >= min && characterCount(value) <= max, {
    message: min > 0 ? `Must be ${min} to ${max} characters` : `Must be at most ${max} characters`,
  });
  const checked = min > 0 ? length.regex(new RegExp(NOT_BLANK_PATTERN), 'Must not be only whitespace') : length;
  return checked.meta(min > 0 ? { minLength: min, maxLength: max } : { maxLength: max }).trim();
}

/**
 * An email address as the OpenAPI document states it (`format: email` with zod's pattern, at most
 * 254 characters). The pattern alone would let through what the email format forbids (RFC 5321): a
 * local part over 64 characters or a domain label over 63, so those are refused here too.
 */
export function emailAddress() {
  return z
    .email()
    .max(254)
    .refine((address) => {
      const at = address.lastIndexOf('@');
      return at <= 64 && address.slice(at + 1).split('.').every((label) => label.length <= 63);
    }, 'The part before @ may have at most 64 characters, and each part of the domain at most 63');
}
