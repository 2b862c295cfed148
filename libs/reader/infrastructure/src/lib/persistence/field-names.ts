/**
 * A word key or text id as a field name. MongoDB reads `.` as a path and `$` as an operator, and
 * FerretDB refuses some other characters in field names (a next-line or line separator is read
 * as an empty name), so every character but ASCII letters, digits, `_`, `:` and `-` is written
 * as its UTF-8 bytes, `%` and two hex digits each: `word:één` → `word:%c3%a9%c3%a9n`.
 */
export function fieldName(key: string): string {
  return key.replace(/[^A-Za-z0-9_:-]/gu, (character) => [...Buffer.from(character, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''));
}

export function keyOfFieldName(field: string): string {
  return decodeURIComponent(field);
}
