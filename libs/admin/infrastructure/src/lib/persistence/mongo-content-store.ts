import type { Model } from 'mongoose';
import type { ContentListFilter, ContentStore, ContentSummary } from '@tall/admin/application';
import type { ContentAction, ContentDiffEntry, ContentKind, ContentStatus } from '@tall/admin/contracts';
import { hasUnpublishedChanges, type ContentItemState, type ContentLevel, type ContentStep, type HistoryEntry, type LiveState } from '@tall/admin/domain';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { withOutbox } from '@tall/platform/events';
import type { ContentItemDocument, StoredHistoryEntry } from './admin-models';

const DUPLICATE_KEY = 11000;
const NO_OUTBOX = { _outbox: 0, _outboxPending: 0, _outboxSeq: 0 } as const;
/** A list row leaves out the contents and the history. */
const SUMMARY = { ...NO_OUTBOX, content: 0, published: 0, history: 0 } as const;

function documentId(kind: ContentKind, id: string): string {
  return `${kind}/${id}`;
}

/** `q` as a literal piece of text: the admin's words, not a pattern. */
function literal(text: string): RegExp {
  return new RegExp(text.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/**
 * Content items in one document each (`<db>_admin.admin_content_items`): an item's history lives
 * in its document, so a step (the item's new state, its history entry and its events) is one
 * conditional single-document write. Lists filter on a kind's indexed fields and search a
 * lower-case text of the title (a few thousand items per kind).
 */
export class MongoContentStore implements ContentStore {
  constructor(private readonly items: Model<ContentItemDocument>) {}

  async ensureIndexes(): Promise<void> {
    await this.items.collection.createIndex({ kind: 1, title: 1 }, { name: 'kind_title' });
    await this.items.collection.createIndex({ kind: 1, status: 1 }, { name: 'kind_status' });
    await this.items.collection.createIndex({ kind: 1, topic: 1 }, { name: 'kind_topic' });
  }

  async find(kind: ContentKind, id: string): Promise<ContentItemState | null> {
    const document = await this.items.findOne({ _id: documentId(kind, id) }, { ...NO_OUTBOX, history: 0 }).lean<ContentItemDocument>();
    return document ? itemOf(document) : null;
  }

  async history(kind: ContentKind, id: string): Promise<HistoryEntry[] | null> {
    const document = await this.items.findOne({ _id: documentId(kind, id) }, { _id: 0, history: 1 }).lean<Pick<ContentItemDocument, 'history'>>();
    return document ? document.history.map(entryOf) : null;
  }

  async list(kind: ContentKind, filter: ContentListFilter): Promise<{ items: ContentSummary[]; total: number }> {
    const query: Record<string, unknown> = { kind };
    if (filter.status) query.status = filter.status;
    if (filter.level) query.level = filter.level;
    if (filter.topic) query.topic = filter.topic;
    if (filter.q) query.searchText = { $regex: literal(filter.q) };
    const [documents, total] = await Promise.all([
      this.items
        .find(query, SUMMARY)
        .sort({ title: 1, _id: 1 })
        .skip((filter.page - 1) * filter.pageSize)
        .limit(filter.pageSize)
        .lean<ContentItemDocument[]>(),
      this.items.countDocuments(query),
    ]);
    return { items: documents.map((document) => ({ ...summaryOf(document), unpublishedChanges: document.unpublishedChanges })), total };
  }

  async stepsBy(actorId: string): Promise<Array<{ kind: ContentKind; id: string; title: string; entries: HistoryEntry[] }>> {
    const documents = await this.items
      .find({ 'history.actorId': actorId }, { kind: 1, itemId: 1, title: 1, history: 1 })
      .sort({ _id: 1 })
      .lean<Array<Pick<ContentItemDocument, 'kind' | 'itemId' | 'title' | 'history'>>>();
    return documents.map((document) => ({
      kind: document.kind as ContentKind,
      id: document.itemId,
      title: document.title,
      entries: document.history.filter((entry) => entry.actorId === actorId).map(entryOf),
    }));
  }

  async ids(kind: ContentKind): Promise<Set<string>> {
    const documents = await this.items.find({ kind }, { _id: 0, itemId: 1 }).lean<Array<Pick<ContentItemDocument, 'itemId'>>>();
    return new Set(documents.map((document) => document.itemId));
  }

  async insert({ item, entry }: ContentStep): Promise<boolean> {
    try {
      await this.items.insertOne({ _id: documentId(item.kind, item.id), ...fieldsOf(item), history: [storedEntry(entry)] });
      return true;
    } catch (error) {
      // By code: mongoose's driver and ours may be different copies of the mongodb package.
      if ((error as { code?: unknown } | null)?.code !== DUPLICATE_KEY) throw error;
      return false;
    }
  }

  async save({ item, entry }: ContentStep, expectedRevision: number, events: readonly EventEnvelope[]): Promise<boolean> {
    const result = await this.items.updateOne(
      { _id: documentId(item.kind, item.id), revision: expectedRevision },
      withOutbox<ContentItemDocument>({ $set: fieldsOf(item), $push: { history: storedEntry(entry) } }, events),
    );
    return result.matchedCount === 1;
  }
}

function fieldsOf(item: ContentItemState): Omit<ContentItemDocument, '_id' | 'history'> {
  return {
    kind: item.kind,
    itemId: item.id,
    status: item.status,
    revision: item.revision,
    publishedVersion: item.publishedVersion,
    live: item.live,
    title: item.listing.title,
    level: item.listing.level,
    topic: item.listing.topic,
    searchText: item.listing.searchText,
    content: item.content,
    published: item.published,
    unpublishedChanges: hasUnpublishedChanges(item),
    createdAt: item.createdAt,
    createdBy: item.createdBy,
    updatedAt: item.updatedAt,
    updatedBy: item.updatedBy,
    submittedBy: item.submittedBy,
  };
}

function storedEntry(entry: HistoryEntry): StoredHistoryEntry {
  return { ...entry };
}

function summaryOf(document: ContentItemDocument): Omit<ContentItemState, 'content' | 'published'> {
  return {
    kind: document.kind as ContentKind,
    id: document.itemId,
    status: document.status as ContentStatus,
    revision: document.revision,
    publishedVersion: document.publishedVersion,
    live: document.live as LiveState,
    listing: { title: document.title, level: (document.level ?? null) as ContentLevel, topic: document.topic ?? null, searchText: document.searchText },
    createdAt: new Date(document.createdAt),
    createdBy: document.createdBy ?? null,
    updatedAt: new Date(document.updatedAt),
    updatedBy: document.updatedBy ?? null,
    submittedBy: document.submittedBy ?? null,
  };
}

function itemOf(document: ContentItemDocument): ContentItemState {
  return { ...summaryOf(document), content: document.content, published: document.published ?? null };
}

function entryOf(stored: StoredHistoryEntry): HistoryEntry {
  return {
    revision: stored.revision,
    action: stored.action as ContentAction,
    actorId: stored.actorId ?? null,
    at: new Date(stored.at),
    status: stored.status as ContentStatus,
    publishedVersion: stored.publishedVersion,
    diff: stored.diff as ContentDiffEntry[],
    override: stored.override ?? null,
  };
}
