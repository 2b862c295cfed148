/**
 * A typed answer as it is compared with the accepted ones: whatever the Unicode composition, the
 * kind of apostrophe (’ ʼ ` ´ all become '), the spaces and the case; strict on every letter. The
 * thematic cards and the reader's short answers check with it, so a student meets one rule.
 */
export function normalizeTypedAnswer(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
