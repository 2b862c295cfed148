import type { Model } from 'mongoose';
import type { DictionaryStore } from '@tall/vocabulary/application';
import type { CefrLevel } from '@tall/vocabulary/contracts';
import type { DictionaryTopic, DictionaryWord } from '@tall/vocabulary/domain';
import type { TopicDocument } from '../persistence/dictionary-topic.schema';
import type { WordDocument } from '../persistence/dictionary-word.schema';

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

/** Not archived. */
const LIVE = { archivedAt: { $exists: false } };

/**
 * The global dictionary in the vocabulary database: one document per topic and per word, read
 * directly (requests read it through CachedDictionaryStore, which answers exactly like this).
 * Archived topics and words, and the words of archived topics, are left out of every list;
 * `words(ids)` finds them all (cards hold their ids).
 */
export class MongoDictionaryStore implements DictionaryStore {
  constructor(
    private readonly topicModel: Model<TopicDocument>,
    private readonly wordModel: Model<WordDocument>,
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.topicModel.createIndexes();
    await this.wordModel.createIndexes();
  }

  async topics(filter: { level?: CefrLevel } = {}): Promise<DictionaryTopic[]> {
    const documents = await this.topicModel
      .find(filter.level ? { level: filter.level, ...LIVE } : LIVE)
      .sort({ level: 1, order: 1, _id: 1 })
      .lean<TopicDocument[]>();
    return documents.map(topicOf);
  }

  async topic(id: string): Promise<DictionaryTopic | null> {
    const document = await this.topicModel.findOne({ _id: id, ...LIVE }).lean<TopicDocument>();
    return document ? topicOf(document) : null;
  }

  async wordCounts(): Promise<Map<string, number>> {
    const live = await this.liveTopicIds();
    const groups = await this.wordModel.aggregate<{ _id: string; n: number }>([{ $match: LIVE }, { $group: { _id: '$topicId', n: { $sum: 1 } } }]);
    return new Map(groups.filter((group) => live.has(group._id)).map((group) => [group._id, group.n]));
  }

  async wordCount(topicId: string): Promise<number> {
    if (!(await this.topic(topicId))) return 0;
    return this.wordModel.countDocuments({ topicId, ...LIVE }).exec();
  }

  async wordsOf(topicId: string): Promise<DictionaryWord[]> {
    if (!(await this.topic(topicId))) return [];
    return (await this.wordModel.find({ topicId, ...LIVE }).sort({ order: 1, _id: 1 }).lean<WordDocument[]>()).map(wordOf);
  }

  async words(ids: readonly string[]): Promise<DictionaryWord[]> {
    if (ids.length === 0) return [];
    return (await this.wordModel.find({ _id: { $in: [...ids] } }).lean<WordDocument[]>()).map(wordOf);
  }

  async allWords(): Promise<DictionaryWord[]> {
    const live = await this.liveTopicIds();
    return (await this.wordModel.find(LIVE).lean<WordDocument[]>()).filter((document) => live.has(document.topicId)).map(wordOf);
  }

  async wordsOutside(topicId: string, limit: number): Promise<DictionaryWord[]> {
    const others = [...(await this.liveTopicIds())].filter((id) => id !== topicId);
    // Ids are hashes, so the first ones by id are a spread over every topic.
    return (await this.wordModel.find({ topicId: { $in: others }, ...LIVE }).sort({ _id: 1 }).limit(limit).lean<WordDocument[]>()).map(wordOf);
  }

  private async liveTopicIds(): Promise<Set<string>> {
    return new Set((await this.topicModel.find(LIVE, { _id: 1 }).lean<Array<{ _id: string }>>()).map((document) => document._id));
  }
}
