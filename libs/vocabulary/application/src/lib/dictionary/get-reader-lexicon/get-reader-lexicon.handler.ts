import { createHash } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { LexiconWord } from '@tall/vocabulary/contracts';
import type { DictionaryTopic, DictionaryWord } from '@tall/vocabulary/domain';
import { DICTIONARY_STORE, type DictionaryStore } from '../dictionary-store.port';
import { GetReaderLexiconQuery, type ReaderLexicon } from './get-reader-lexicon.query';

/** Hex digits of the SHA-256 kept as the version: 64 bits, plenty to tell two dictionaries apart. */
const VERSION_LENGTH = 16;

interface Built {
  /** The store's array the lexicon was built from. */
  source: readonly DictionaryWord[];
  version: string;
  words: LexiconWord[];
}

/**
 * The whole dictionary for the reader, with a version that is a hash of exactly what is returned:
 * any change to a word or to a topic's level or slug moves it, and nothing else does.
 *
 * Building it (and hashing a few megabytes at 10,000 words) is done once per dictionary snapshot:
 * the cached store hands out the same word array until it reads the dictionary again, and the
 * lexicon built from that array is kept until then.
 */
@QueryHandler(GetReaderLexiconQuery)
export class GetReaderLexiconHandler implements IQueryHandler<GetReaderLexiconQuery> {
  private built: Built | null = null;

  constructor(@Inject(DICTIONARY_STORE) private readonly dictionary: DictionaryStore) {}

  async execute({ knownVersion }: GetReaderLexiconQuery): Promise<ReaderLexicon> {
    const { version, words } = await this.lexicon();
    return { version, words: knownVersion === version ? null : words };
  }

  private async lexicon(): Promise<Built> {
    const source = await this.dictionary.allWords();
    if (this.built?.source === source) return this.built;
    const topics = new Map((await this.dictionary.topics()).map((topic) => [topic.id, topic]));
    const words = [...source]
      .sort((a, b) => compare(a.id, b.id))
      // A word whose topic is gone has no level to give; it is left out until it has one again.
      .flatMap((word) => {
        const topic = topics.get(word.topicId);
        return topic ? [lexiconWord(word, topic)] : [];
      });
    const version = createHash('sha256').update(JSON.stringify(words)).digest('hex').slice(0, VERSION_LENGTH);
    this.built = { source, version, words: Object.freeze(words) as LexiconWord[] };
    return this.built;
  }
}

/** Built field by field in a fixed order (translations by language code), so the same content always hashes alike. */
function lexiconWord(word: DictionaryWord, topic: DictionaryTopic): LexiconWord {
  const translations = Object.fromEntries(Object.entries(word.translations).sort(([a], [b]) => compare(a, b)));
  const verb = word.verb && {
    irregular: word.verb.irregular,
    presentThirdSingular: word.verb.presentThirdSingular,
    pastSingular: word.verb.pastSingular,
    pastPlural: word.verb.pastPlural,
    participle: word.verb.participle,
    separablePrefix: word.verb.separablePrefix ?? null,
  };
  return Object.freeze({
    id: word.id,
    lemma: word.lemma,
    pos: word.pos,
    level: topic.level,
    topicSlug: topic.slug,
    article: word.article ?? null,
    plural: word.plural ?? null,
    verb: verb ? Object.freeze(verb) : null,
    translations: Object.freeze(translations),
  });
}

/** Code-point order: the same in every locale. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
