/**
 * A word key or text id as a field name: MongoDB reads `.` as a path and `$` as an operator, so
 * both (and `%`, the escape) are written as `%` and two hex digits. `word:o.a` → `word:o%2ea`.
 */
export function fieldName(key: string): string {
  return key.replace(/[%.$]/g, (character) => `%${character.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function keyOfFieldName(field: string): string {
  return field.replace(/%([0-9a-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
