import type { ContentKind, ContentListQuery } from '@tall/admin/contracts';
import type { ContentItemState, ContentStep, HistoryEntry } from '@tall/admin/domain';
import type { EventEnvelope } from '@tall/platform/event-contracts';

export interface ContentListFilter extends Omit<ContentListQuery, 'page' | 'pageSize'> {
  page: number;
  pageSize: number;
}

/** A list row: the item without its contents. */
export type ContentSummary = Omit<ContentItemState, 'content' | 'published'> & { unpublishedChanges: boolean };

/**
 * Content items with their histories, one document each. Every write is conditional on the
 * revision it started from and atomic with the events it carries.
 */
export interface ContentStore {
  find(kind: ContentKind, id: string): Promise<ContentItemState | null>;
  /** Oldest first; null when there is no such item. */
  history(kind: ContentKind, id: string): Promise<HistoryEntry[] | null>;
  list(kind: ContentKind, filter: ContentListFilter): Promise<{ items: ContentSummary[]; total: number }>;
  /** The ids of a kind's items. */
  ids(kind: ContentKind): Promise<Set<string>>;
  /** Every item on which the user took a step, with those steps only (the GDPR export). */
  stepsBy(actorId: string): Promise<Array<{ kind: ContentKind; id: string; title: string; entries: HistoryEntry[] }>>;
  /** A new item with its first entry; false when the kind has an item with this id already. */
  insert(step: ContentStep): Promise<boolean>;
  /** The step of an item still at `expectedRevision`, with its events; false when another write came first. */
  save(step: ContentStep, expectedRevision: number, events: readonly EventEnvelope[]): Promise<boolean>;
}

export const CONTENT_STORE = Symbol('CONTENT_STORE');

/** The admin context's clock. */
export type AdminClock = () => Date;
export const ADMIN_CLOCK = Symbol('ADMIN_CLOCK');
