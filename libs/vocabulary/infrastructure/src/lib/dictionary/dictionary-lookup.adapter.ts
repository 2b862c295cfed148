import type { DictionaryLookup, DictionaryLookupWord, DictionaryStore } from '@tall/vocabulary/application';

/** The dictionary as learning cards read it (a word added from the dictionary to a student's own). */
export class DictionaryLookupAdapter implements DictionaryLookup {
  constructor(private readonly store: DictionaryStore) {}

  async findWord(wordId: string): Promise<DictionaryLookupWord | null> {
    const [word] = await this.store.words([wordId]);
    return word ? { wordId: word.id, lemma: word.lemma, article: word.article, pos: word.pos, translations: word.translations } : null;
  }
}
