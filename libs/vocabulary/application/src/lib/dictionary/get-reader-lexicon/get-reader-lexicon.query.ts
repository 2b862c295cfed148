import { Query } from '@nestjs/cqrs';
import type { LexiconWord } from '@tall/vocabulary/contracts';

/** The dictionary's version, and its words unless the caller's copy is that version. */
export interface ReaderLexicon {
  version: string;
  /** Null when the caller already has this version. Shared between calls: frozen. */
  words: LexiconWord[] | null;
}

/** Every dictionary word as the reader recognises and glosses it (`vocabulary.getReaderLexicon`). */
export class GetReaderLexiconQuery extends Query<ReaderLexicon> {
  constructor(readonly knownVersion?: string) {
    super();
  }
}
