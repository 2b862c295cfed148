import { Query } from '@nestjs/cqrs';
import type { UserWord } from '@tall/vocabulary/contracts';

/** The words of a student's personal dictionary, for the reader (`vocabulary.getUserWords`). */
export class GetUserWordsQuery extends Query<{ words: UserWord[] }> {
  constructor(readonly userId: string) {
    super();
  }
}
