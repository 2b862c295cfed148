import type { Model } from 'mongoose';
import type { LibraryStore, OwnTextStore, ReaderLevel, StoredText } from '@tall/reader/application';
import type { TestQuestion } from '@tall/reader/domain';
import type { LibraryTextDocument, OwnTextDocument } from './reader-models';

const LIBRARY_FIELDS = { _outbox: 0, _outboxPending: 0, _outboxSeq: 0 } as const;

/**
 * Published library and test texts, kept in memory: the library is a few hundred texts that
 * change when an admin publishes, and every read of a text starts here (an own text's id misses
 * without a query). Read again after `maxAgeMs`, or at once after `invalidate()`.
 */
export class MongoLibraryStore implements LibraryStore {
  private cached: { at: number; byId: Map<string, StoredText> } | null = null;
  private loading: Promise<Map<string, StoredText>> | null = null;

  constructor(
    private readonly texts: Model<LibraryTextDocument>,
    private readonly maxAgeMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.texts.collection.createIndex({ status: 1, level: 1 }, { name: 'status_level' });
  }

  async list(): Promise<StoredText[]> {
    return [...(await this.published()).values()];
  }

  async get(id: string): Promise<StoredText | null> {
    return (await this.published()).get(id) ?? null;
  }

  /** The library changed (a seed load, an admin's publish): the next read asks the database. */
  invalidate(): void {
    this.cached = null;
  }

  private async published(): Promise<Map<string, StoredText>> {
    if (this.cached && this.now() - this.cached.at < this.maxAgeMs) return this.cached.byId;
    this.loading ??= this.texts
      .find({ status: 'published' }, LIBRARY_FIELDS)
      .lean<LibraryTextDocument[]>()
      .then((documents) => {
        const byId = new Map(documents.map((document) => [document._id, libraryText(document)]));
        this.cached = { at: this.now(), byId };
        return byId;
      })
      .finally(() => (this.loading = null));
    return this.loading;
  }
}

function libraryText(document: LibraryTextDocument): StoredText {
  return {
    id: document._id,
    title: document.title,
    level: document.level as ReaderLevel,
    topic: document.topic,
    source: document.source,
    credit: document.credit,
    version: document.version,
    sections: document.sections,
    test: document.test ? { questions: document.test.questions as TestQuestion[] } : null,
    ownerId: null,
    wordCount: document.wordCount,
    createdAt: document.createdAt,
  };
}

/** Texts students imported: each visible to its owner only. */
export class MongoOwnTextStore implements OwnTextStore {
  constructor(private readonly texts: Model<OwnTextDocument>) {}

  async ensureIndexes(): Promise<void> {
    await this.texts.collection.createIndex({ ownerId: 1, createdAt: -1 }, { name: 'owner_created' });
  }

  async listOf(ownerId: string): Promise<StoredText[]> {
    const documents = await this.texts.find({ ownerId }).sort({ createdAt: -1 }).lean<OwnTextDocument[]>();
    return documents.map(ownText);
  }

  async get(id: string): Promise<StoredText | null> {
    const document = await this.texts.findOne({ _id: id }).lean<OwnTextDocument>();
    return document ? ownText(document) : null;
  }

  async insert(text: StoredText): Promise<void> {
    if (!text.ownerId) throw new Error('an own text needs its owner');
    await this.texts.create({
      _id: text.id,
      ownerId: text.ownerId,
      title: text.title,
      format: 'text',
      sections: text.sections,
      wordCount: text.wordCount,
      version: text.version,
      createdAt: text.createdAt,
    });
  }

  async delete(id: string, ownerId: string): Promise<boolean> {
    const result = await this.texts.deleteOne({ _id: id, ownerId });
    return result.deletedCount === 1;
  }

  async eraseOwner(ownerId: string): Promise<void> {
    await this.texts.deleteMany({ ownerId });
  }
}

function ownText(document: OwnTextDocument): StoredText {
  return {
    id: document._id,
    title: document.title,
    level: null,
    topic: null,
    source: 'own',
    credit: null,
    version: document.version,
    sections: document.sections,
    test: null,
    ownerId: document.ownerId,
    wordCount: document.wordCount,
    createdAt: document.createdAt,
  };
}
