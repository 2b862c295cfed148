import { Query } from '@nestjs/cqrs';
import type { CefrLevel, LevelWord } from '@tall/vocabulary/contracts';

/** The dictionary's words of one level, for exercises (`vocabulary.getLevelWords`). */
export class GetLevelWordsQuery extends Query<{ words: LevelWord[] }> {
  constructor(
    readonly level: CefrLevel,
    readonly language = 'en',
  ) {
    super();
  }
}
