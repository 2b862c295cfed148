import type { ContentKind } from '@tall/admin/contracts';
import { hasUnpublishedChanges, type Content, type ContentItemState, type ContentStep, type HistoryEntry } from '@tall/admin/domain';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { ContentItems } from '../lib/content/content-items';
import type { ContentOwner, ContentOwners, OwnedEntry, OwnerCheck, OwnerProblem } from '../lib/ports/content-owners.port';
import type { ContentListFilter, ContentStore, ContentSummary } from '../lib/ports/content-store.port';

const key = (kind: string, id: string) => `${kind}/${id}`;

/** The content store in memory, conditional writes included. */
export class MemoryContentStore implements ContentStore {
  readonly items = new Map<string, { item: ContentItemState; history: HistoryEntry[] }>();
  readonly events: EventEnvelope[] = [];

  async find(kind: ContentKind, id: string): Promise<ContentItemState | null> {
    return structuredClone(this.items.get(key(kind, id))?.item ?? null);
  }

  async history(kind: ContentKind, id: string): Promise<HistoryEntry[] | null> {
    return structuredClone(this.items.get(key(kind, id))?.history ?? null);
  }

  async list(kind: ContentKind, filter: ContentListFilter): Promise<{ items: ContentSummary[]; total: number }> {
    const matching = [...this.items.values()]
      .map(({ item }) => item)
      .filter((item) => item.kind === kind && (!filter.status || item.status === filter.status) && (!filter.q || item.listing.searchText.includes(filter.q.toLowerCase())))
      .filter((item) => (!filter.level || item.listing.level === filter.level) && (!filter.topic || item.listing.topic === filter.topic))
      .sort((a, b) => a.listing.title.localeCompare(b.listing.title));
    const page = matching.slice((filter.page - 1) * filter.pageSize, filter.page * filter.pageSize);
    return { items: page.map(({ content: _c, published: _p, ...item }) => ({ ...item, unpublishedChanges: hasUnpublishedChanges({ content: _c, published: _p }) })), total: matching.length };
  }

  async stepsBy(actorId: string): Promise<Array<{ kind: ContentKind; id: string; title: string; entries: HistoryEntry[] }>> {
    return [...this.items.values()]
      .map(({ item, history }) => ({ kind: item.kind, id: item.id, title: item.listing.title, entries: history.filter((entry) => entry.actorId === actorId) }))
      .filter((item) => item.entries.length > 0);
  }

  async ids(kind: ContentKind): Promise<Set<string>> {
    return new Set([...this.items.values()].filter(({ item }) => item.kind === kind).map(({ item }) => item.id));
  }

  async insert({ item, entry }: ContentStep): Promise<boolean> {
    if (this.items.has(key(item.kind, item.id))) return false;
    this.items.set(key(item.kind, item.id), structuredClone({ item, history: [entry] }));
    return true;
  }

  async save({ item, entry }: ContentStep, expectedRevision: number, events: readonly EventEnvelope[]): Promise<boolean> {
    const stored = this.items.get(key(item.kind, item.id));
    if (!stored || stored.item.revision !== expectedRevision) return false;
    this.items.set(key(item.kind, item.id), structuredClone({ item, history: [...stored.history, entry] }));
    this.events.push(...events);
    return true;
  }
}

/**
 * A dictionary owner for words only, as vocabulary's contract behaves: a version applied once,
 * an older one stale. Its check wants a lemma and an English translation.
 */
export class FakeWordOwner implements ContentOwner {
  readonly kinds = ['words'] as const;
  readonly served = new Map<string, { content: Content | null; archived: boolean; version: number }>();
  readonly calls: string[] = [];
  /** What the next publish answers instead of applying. */
  refuseNext: OwnerProblem | null = null;

  check(_kind: ContentKind, content: unknown): OwnerCheck {
    const word = content as { lemma?: unknown; topicId?: unknown; translations?: { en?: unknown } };
    const fields = [
      ...(typeof word.lemma === 'string' ? [] : [{ field: 'lemma', code: 'invalid_type', message: 'Expected string' }]),
      ...(typeof word.translations?.en === 'string' ? [] : [{ field: 'translations.en', code: 'invalid_type', message: 'Expected string' }]),
    ];
    if (fields.length > 0) return { valid: false, fields };
    const lemma = word.lemma as string;
    return { valid: true, content: content as Content, listing: { title: lemma, level: 'A1', topic: String(word.topicId ?? 'huis'), searchText: `${lemma} ${word.translations?.en}` } };
  }

  async publish(kind: ContentKind, id: string, version: number, content: Content): Promise<OwnerProblem | null> {
    this.calls.push(`publish ${id} v${version}`);
    const refused = this.refuseNext;
    this.refuseNext = null;
    if (refused) return refused;
    const current = this.served.get(id);
    if (current && current.version >= version) return current.version === version ? null : 'STALE_VERSION';
    this.served.set(id, { content, archived: false, version });
    return null;
  }

  async archive(kind: ContentKind, id: string, version: number): Promise<OwnerProblem | null> {
    this.calls.push(`archive ${id} v${version}`);
    const current = this.served.get(id);
    if (!current) return 'NOT_FOUND';
    if (current.version >= version) return current.version === version ? null : 'STALE_VERSION';
    this.served.set(id, { ...current, archived: true, version });
    return null;
  }

  async entries(): Promise<OwnedEntry[]> {
    this.calls.push('entries');
    return [...this.served].map(([id, entry]) => ({ kind: 'words' as const, id, content: entry.content ?? {}, archived: entry.archived, version: entry.version }));
  }
}

export function ownersOf(...owners: ContentOwner[]): ContentOwners {
  return { ownerOf: (kind) => owners.find((owner) => owner.kinds.includes(kind)) ?? null, all: () => owners };
}

export const ANNA = '0b6f1c7e-5a2d-4e8f-9b3c-1d2e3f4a5b6c';
export const BORIS = '1c7a2d8f-6b3e-4f9a-8c4d-2e3f4a5b6c7d';
export const NOW = new Date('2026-03-10T09:00:00Z');

export const TAFEL = { topicId: 'huis', lemma: 'tafel', translations: { en: 'table', ru: 'стол' } };

export function adminFixture() {
  const store = new MemoryContentStore();
  const owner = new FakeWordOwner();
  const clock = () => NOW;
  const items = new ContentItems(store, ownersOf(owner), clock);
  return { store, owner, clock, items };
}
export type AdminFixture = ReturnType<typeof adminFixture>;

export async function refusalOf(promise: Promise<unknown>): Promise<{ code: string; details?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; details?: unknown };
  }
  throw new Error('not refused');
}
