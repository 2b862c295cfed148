import { Query } from '@nestjs/cqrs';
import type { MyWordList, MyWordsQuery } from '@tall/vocabulary/contracts';

/** A page of the student's words, newest first, optionally matching a search. */
export class ListMyWordsQuery extends Query<MyWordList> {
  constructor(
    readonly userId: string,
    readonly filter: MyWordsQuery,
  ) {
    super();
  }
}
