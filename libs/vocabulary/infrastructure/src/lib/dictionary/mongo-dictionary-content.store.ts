import type { FilterQuery, Model } from 'mongoose';
import type { DictionaryContentStore, DictionaryEntryKind, EntryWriteResult, StoredEntry } from '@tall/vocabulary/application';
import type { DictionaryTopic, DictionaryWord } from '@tall/vocabulary/domain';
import type { Provenance, TopicDocument } from '../persistence/dictionary-topic.schema';
import type { WordDocument } from '../persistence/dictionary-word.schema';
import { isDuplicateKey } from '../persistence/write-errors';
import { topicOf, wordOf } from './mongo-dictionary.store';

/** An entry the seed wrote (no admin version yet) or one at an older admin version than `version`. */
function olderThan(version: number): FilterQuery<Provenance> {
  return { $or: [{ adminVersion: { $exists: false } }, { adminVersion: { $lt: version } }] };
}

function storedEntry<D extends Provenance, T>(document: D, valueOf: (document: D) => T): StoredEntry<T> {
  return { value: valueOf(document), archived: document.archivedAt != null, version: document.adminVersion ?? 0 };
}

/**
 * The dictionary's documents as the admin calls write and list them. Each write is one
 * document's: an insert for a new entry (its id taken: `conflict`), or an update whose filter
 * holds the version condition, so of two concurrent calls the older version can never land last.
 * A write sets `editedAt` (the seed loader's filter skips such entries) and `adminVersion`;
 * publishing clears `archivedAt`.
 */
export class MongoDictionaryContentStore implements DictionaryContentStore {
  constructor(
    private readonly topics: Model<TopicDocument>,
    private readonly words: Model<WordDocument>,
  ) {}

  async allTopics(): Promise<Array<StoredEntry<DictionaryTopic>>> {
    return (await this.topics.find({}).sort({ _id: 1 }).lean<TopicDocument[]>()).map((document) => storedEntry(document, topicOf));
  }

  async allWords(): Promise<Array<StoredEntry<DictionaryWord>>> {
    return (await this.words.find({}).sort({ _id: 1 }).lean<WordDocument[]>()).map((document) => storedEntry(document, wordOf));
  }

  async topic(id: string): Promise<StoredEntry<DictionaryTopic> | null> {
    const document = await this.topics.findOne({ _id: id }).lean<TopicDocument>();
    return document ? storedEntry(document, topicOf) : null;
  }

  async word(id: string): Promise<StoredEntry<DictionaryWord> | null> {
    const document = await this.words.findOne({ _id: id }).lean<WordDocument>();
    return document ? storedEntry(document, wordOf) : null;
  }

  async topicIdWithSlug(slug: string): Promise<string | null> {
    return (await this.topics.findOne({ slug }, { _id: 1 }).lean<{ _id: string }>())?._id ?? null;
  }

  async wordsIn(topicId: string): Promise<Array<Pick<DictionaryWord, 'id' | 'lemma' | 'pos' | 'order'>>> {
    const documents = await this.words.find({ topicId }, { _id: 1, lemma: 1, pos: 1, order: 1 }).lean<Array<Pick<WordDocument, '_id' | 'lemma' | 'pos' | 'order'>>>();
    return documents.map((document) => ({ id: document._id, lemma: document.lemma, pos: document.pos, order: document.order }));
  }

  async putTopic(topic: DictionaryTopic, version: number, exists: boolean, now: Date): Promise<EntryWriteResult> {
    const { id, ...content } = topic;
    try {
      return await this.put(this.topics as unknown as Model<Provenance & { _id: string }>, id, content, version, exists, now);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // An update can only collide on the slug (its unique index); an insert also on the id, taken by a concurrent call.
      if (exists) return 'duplicate';
      return (await this.topics.exists({ _id: id })) ? 'conflict' : 'duplicate';
    }
  }

  async putWord(word: DictionaryWord, version: number, exists: boolean, now: Date): Promise<EntryWriteResult> {
    const { id, ...content } = word;
    try {
      return await this.put(this.words as unknown as Model<Provenance & { _id: string }>, id, content, version, exists, now);
    } catch (error) {
      if (isDuplicateKey(error)) return 'conflict';
      throw error;
    }
  }

  async archive(kind: DictionaryEntryKind, id: string, version: number, now: Date): Promise<EntryWriteResult> {
    const model = (kind === 'topics' ? this.topics : this.words) as unknown as Model<Provenance & { _id: string }>;
    const result = await model.updateOne({ _id: id, ...olderThan(version) }, { $set: { archivedAt: now, adminVersion: version, editedAt: now, updatedAt: now } });
    return result.matchedCount > 0 ? 'applied' : 'conflict';
  }

  private async put(model: Model<Provenance & { _id: string }>, id: string, content: object, version: number, exists: boolean, now: Date): Promise<EntryWriteResult> {
    const fields = { ...content, adminVersion: version, editedAt: now, updatedAt: now };
    if (!exists) {
      await model.insertOne({ _id: id, ...fields, createdAt: now });
      return 'applied';
    }
    const result = await model.updateOne({ _id: id, ...olderThan(version) }, { $set: fields, $unset: { archivedAt: 1 } });
    return result.matchedCount > 0 ? 'applied' : 'conflict';
  }
}
