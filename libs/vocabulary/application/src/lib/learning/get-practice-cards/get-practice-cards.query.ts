import { Query } from '@nestjs/cqrs';
import type { PracticeCard } from '@tall/vocabulary/contracts';

/** A student's newest learning cards with their sentences, for exercises (`vocabulary.getPracticeCards`). */
export class GetPracticeCardsQuery extends Query<{ cards: PracticeCard[] }> {
  constructor(
    readonly userId: string,
    readonly limit = 50,
  ) {
    super();
  }
}
