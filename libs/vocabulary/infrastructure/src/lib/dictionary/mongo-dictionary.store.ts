import type { Collection, Db } from 'mongodb';
import type { DictionaryStore } from '@tall/vocabulary/application';
import type { CefrLevel } from '@tall/vocabulary/contracts';
import type { DictionaryTopic, DictionaryWord } from '@tall/vocabulary/domain';

export const DICTIONARY_TOPICS = 'dictionary_topics';
export const DICTIONARY_WORDS = 'dictionary_words';

/** Where a dictionary entry came from; `editedAt` marks an admin's change, which seed loads never overwrite. */
interface Provenance {
  /** Hash of the seed content this document was last written from; absent for admin-created entries. */
  seedHash?: string;
  editedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

export type TopicDocument = Omit<DictionaryTopic, 'id'> & Provenance & { _id: string };
export type WordDocument = Omit<DictionaryWord, 'id'> & Provenance & { _id: string };

export function topicOf(document: TopicDocument): DictionaryTopic {
  return { id: document._id, slug: document.slug, title: document.title, level: document.level, order: document.order };
}

export function wordOf(document: WordDocument): DictionaryWord {
  return {
    id: document._id,
    topicId: document.topicId,
    order: document.order,
    lemma: document.lemma,
    pos: document.pos,
    article: document.article ?? null,
    plural: document.plural ?? null,
    pluralOnly: document.pluralOnly ?? false,
    verb: document.verb ?? null,
    translations: document.translations,
    example: document.example,
  };
}

/** The global dictionary in the vocabulary database: one document per topic and per word. */
export class MongoDictionaryStore implements DictionaryStore {
  readonly topicsCollection: Collection<TopicDocument>;
  readonly wordsCollection: Collection<WordDocument>;

  constructor(db: Db) {
    this.topicsCollection = db.collection<TopicDocument>(DICTIONARY_TOPICS);
    this.wordsCollection = db.collection<WordDocument>(DICTIONARY_WORDS);
  }

  async ensureIndexes(): Promise<void> {
    await this.topicsCollection.createIndex({ slug: 1 }, { unique: true, name: 'slug_unique' });
    await this.topicsCollection.createIndex({ level: 1, order: 1 }, { name: 'level_order' });
    await this.wordsCollection.createIndex({ topicId: 1, order: 1 }, { name: 'topic_order' });
  }

  async topics(filter: { level?: CefrLevel } = {}): Promise<DictionaryTopic[]> {
    const documents = await this.topicsCollection
      .find(filter.level ? { level: filter.level } : {})
      .sort({ level: 1, order: 1, _id: 1 })
      .toArray();
    return documents.map(topicOf);
  }

  async topic(id: string): Promise<DictionaryTopic | null> {
    const document = await this.topicsCollection.findOne({ _id: id });
    return document ? topicOf(document) : null;
  }

  async wordCounts(): Promise<Map<string, number>> {
    const groups = await this.wordsCollection.aggregate<{ _id: string; n: number }>([{ $group: { _id: '$topicId', n: { $sum: 1 } } }]).toArray();
    return new Map(groups.map((group) => [group._id, group.n]));
  }

  wordCount(topicId: string): Promise<number> {
    return this.wordsCollection.countDocuments({ topicId });
  }

  async wordsOf(topicId: string): Promise<DictionaryWord[]> {
    return (await this.wordsCollection.find({ topicId }).sort({ order: 1, _id: 1 }).toArray()).map(wordOf);
  }

  async words(ids: readonly string[]): Promise<DictionaryWord[]> {
    if (ids.length === 0) return [];
    return (await this.wordsCollection.find({ _id: { $in: [...ids] } }).toArray()).map(wordOf);
  }

  async wordsOutside(topicId: string, limit: number): Promise<DictionaryWord[]> {
    // Ids are hashes, so the first ones by id are a spread over every topic.
    return (await this.wordsCollection.find({ topicId: { $ne: topicId } }).sort({ _id: 1 }).limit(limit).toArray()).map(wordOf);
  }
}
