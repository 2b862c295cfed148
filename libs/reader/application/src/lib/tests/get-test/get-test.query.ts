import { Query } from '@nestjs/cqrs';
import type { ReaderTest } from '@tall/reader/contracts';

/** A text's comprehension test as the student gets it: no answers, and their earlier attempts. */
export class GetTestQuery extends Query<ReaderTest> {
  constructor(
    readonly userId: string,
    readonly textId: string,
  ) {
    super();
  }
}
