import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DICTIONARY_LOOKUP, DictionaryMissingError, type DictionaryLookup, type DictionaryLookupWord } from '@tall/vocabulary/application';

/**
 * The dictionary as learning cards reach it: whatever module of the app provides
 * `DICTIONARY_LOOKUP` (the context's VocabularyModule), found at the first use, so learning cards
 * need neither import the dictionary's module nor read its collections.
 */
@Injectable()
export class ModuleRefDictionaryLookup implements DictionaryLookup {
  private lookup: DictionaryLookup | null = null;

  constructor(private readonly moduleRef: ModuleRef) {}

  findWord(wordId: string): Promise<DictionaryLookupWord | null> {
    return this.resolve().findWord(wordId);
  }

  private resolve(): DictionaryLookup {
    if (this.lookup) return this.lookup;
    try {
      this.lookup = this.moduleRef.get<DictionaryLookup>(DICTIONARY_LOOKUP, { strict: false });
    } catch {
      throw new DictionaryMissingError();
    }
    return this.lookup;
  }
}
