import { createHash } from 'node:crypto';

/** The closing mark of a sentence: it stays at the end and is not a token to place. */
const ENDING = /[.!?…]+["”’)]?$/u;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** A sentence as tokens to put in order: its words (with any comma they carry) and its closing mark. */
export function orderTokens(sentence: string): { tokens: string[]; ending: string } {
  const trimmed = sentence.trim();
  const ending = ENDING.exec(trimmed)?.[0] ?? '';
  const body = trimmed.slice(0, trimmed.length - ending.length).trim();
  return { tokens: body.split(/\s+/u).filter(Boolean), ending };
}

/**
 * Where each blank stands in the sentence: the first whole-word occurrence of its answer after
 * the previous blank. Null when one is not there (the exercise is invalid).
 */
export function blankPositions(sentence: string, answers: readonly string[]): Array<{ start: number; end: number }> | null {
  const positions: Array<{ start: number; end: number }> = [];
  let from = 0;
  for (const answer of answers) {
    const start = wholeWordIndex(sentence, answer, from);
    if (start < 0) return null;
    positions.push({ start, end: start + answer.length });
    from = start + answer.length;
  }
  return positions;
}

/** The sentence cut at its blanks: one more part than blanks (parts may be empty). */
export function clozeParts(sentence: string, answers: readonly string[]): string[] | null {
  const positions = blankPositions(sentence, answers);
  if (!positions) return null;
  const parts: string[] = [];
  let from = 0;
  for (const { start, end } of positions) {
    parts.push(sentence.slice(from, start));
    from = end;
  }
  parts.push(sentence.slice(from));
  return parts;
}

function wholeWordIndex(text: string, word: string, from: number): number {
  for (let index = text.indexOf(word, from); index >= 0; index = text.indexOf(word, index + 1)) {
    const before = index > 0 ? text[index - 1] : '';
    const after = text[index + word.length] ?? '';
    if (!WORD_CHARACTER.test(before) && !WORD_CHARACTER.test(after)) return index;
  }
  return -1;
}

/**
 * A stable shuffle: the same items and salt always give the same order (every request, every
 * instance), and never the original order when there is another.
 */
export function stableShuffle<T>(items: readonly T[], salt: string, key: (item: T, index: number) => string = (item, index) => `${index}\u0000${String(item)}`): T[] {
  const ranked = items.map((item, index) => ({ item, index, rank: createHash('sha256').update(`${salt}\u0000${key(item, index)}`).digest('hex') }));
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.index - b.index));
  const result = ranked.map((entry) => entry.item);
  if (result.length > 1 && result.every((item, index) => item === items[index]) && new Set(items).size > 1) {
    // Rotated until it differs (a run of equal items at the start may need more than one turn).
    for (let turn = 0; turn < result.length && result.every((item, index) => item === items[index]); turn++) result.push(result.shift() as T);
  }
  return result;
}
