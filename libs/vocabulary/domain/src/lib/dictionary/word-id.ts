import { createHash } from 'node:crypto';

function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.map((part) => part.normalize('NFC')).join('\u0000')).digest('hex').slice(0, 20);
}

/**
 * The id of a seed dictionary word: stable across builds and loads, so students' cards keep
 * pointing at the same word, and unique per topic, lemma and part of speech (`de bank` the bench
 * and `bank` in two topics are two words).
 */
export function seedWordId(topicSlug: string, lemma: string, pos: string): string {
  return `w_${digest(topicSlug, lemma, pos)}`;
}

/** The id of a seed topic, from its slug. */
export function seedTopicId(slug: string): string {
  return `t_${digest(slug)}`;
}
