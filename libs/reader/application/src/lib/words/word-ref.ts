import type { LexiconWord } from '@tall/vocabulary/contracts';
import { readerErrors } from '../reader-error';
import type { TextViews } from '../reading/text-views';

/** The word a request names: a dictionary word by id (404 when the dictionary lacks it), or any word by its form. */
export async function resolveWordRef(views: TextViews, ref: { wordId: string } | { lemma: string }): Promise<{ key: string; word: LexiconWord | null; lemma: string }> {
  if ('wordId' in ref) {
    const found = await views.dictionaryWord(ref.wordId);
    if (!found) throw readerErrors.wordNotFound();
    return { key: found.id, word: found, lemma: found.lemma };
  }
  const { key, word } = await views.keyOfLemma(ref.lemma);
  return { key, word, lemma: word?.lemma ?? ref.lemma.trim() };
}
