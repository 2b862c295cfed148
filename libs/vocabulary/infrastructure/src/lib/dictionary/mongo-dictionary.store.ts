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

/** The global dictionary in the vocabulary database: one document per topic and per word. */
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
      .find(filter.level ? { level: filter.level } : {})
      .sort({ level: 1, order: 1, _id: 1 })
      .lean<TopicDocument[]>();
    return documents.map(topicOf);
  }

  async topic(id: string): Promise<DictionaryTopic | null> {
    const document = await this.topicModel.findOne({ _id: id }).lean<TopicDocument>();
    return document ? topicOf(document) : null;
  }

  async wordCounts(): Promise<Map<string, number>> {
    const groups = await this.wordModel.aggregate<{ _id: string; n: number }>([{ $group: { _id: '$topicId', n: { $sum: 1 } } }]);
    return new Map(groups.map((group) => [group._id, group.n]));
  }

  wordCount(topicId: string): Promise<number> {
    return this.wordModel.countDocuments({ topicId }).exec();
  }

  async wordsOf(topicId: string): Promise<DictionaryWord[]> {
    return (await this.wordModel.find({ topicId }).sort({ order: 1, _id: 1 }).lean<WordDocument[]>()).map(wordOf);
  }

  async words(ids: readonly string[]): Promise<DictionaryWord[]> {
    if (ids.length === 0) return [];
    return (await this.wordModel.find({ _id: { $in: [...ids] } }).lean<WordDocument[]>()).map(wordOf);
  }

  /** Every word (the in-memory dictionary's source). */
  async allWords(): Promise<DictionaryWord[]> {
    return (await this.wordModel.find({}).lean<WordDocument[]>()).map(wordOf);
  }

  async wordsOutside(topicId: string, limit: number): Promise<DictionaryWord[]> {
    // Ids are hashes, so the first ones by id are a spread over every topic.
    return (await this.wordModel.find({ topicId: { $ne: topicId } }).sort({ _id: 1 }).limit(limit).lean<WordDocument[]>()).map(wordOf);
  }
}
