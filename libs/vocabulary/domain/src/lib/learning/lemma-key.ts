/**
 * The key that makes a student's words unique: the lemma in Unicode NFC, trimmed, inner
 * whitespace collapsed, lower-cased with Dutch rules. `Huis`, ` huis ` and `HUIS` are one word;
 * `één` and `een` are two (accents carry meaning in Dutch).
 */
export function lemmaKey(lemma: string): string {
  return lemma.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
}
