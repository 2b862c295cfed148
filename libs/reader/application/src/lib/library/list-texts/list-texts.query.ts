import { Query } from '@nestjs/cqrs';
import type { TextList, TextListQuery } from '@tall/reader/contracts';

/** The texts a student may read, filtered, with how much of each they know. */
export class ListTextsQuery extends Query<TextList> {
  constructor(
    readonly userId: string,
    readonly filter: TextListQuery,
  ) {
    super();
  }
}
