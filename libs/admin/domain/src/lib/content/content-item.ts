import type { ContentAction, ContentDiffEntry, ContentItem, ContentKind, ContentStatus } from '@tall/admin/contracts';
import { contentDiff, sameContent, type Content } from './content-diff';
import { ContentWorkflowError } from './content-workflow-error';

export type ContentLevel = ContentItem['level'];

/** What lists show and filter by, derived by the kind's owner from the working copy. */
export interface ContentListing {
  title: string;
  level: ContentLevel;
  topic: string | null;
  /** Lower-case words `q` searches: the title and, for words, the translations. */
  searchText: string;
}

/** What students get from the owner: nothing yet, the published version, or nothing new (archived). */
export type LiveState = 'none' | 'published' | 'archived';

export interface ContentItemState {
  kind: ContentKind;
  id: string;
  status: ContentStatus;
  revision: number;
  /** The last version written to the owner (publish or archive); 0: never. */
  publishedVersion: number;
  live: LiveState;
  listing: ContentListing;
  /** The working copy. */
  content: Content;
  /** The content of the last published version (null: never published). */
  published: Content | null;
  createdAt: Date;
  createdBy: string | null;
  updatedAt: Date;
  updatedBy: string | null;
  submittedBy: string | null;
}

export interface HistoryEntry {
  revision: number;
  action: ContentAction;
  actorId: string | null;
  at: Date;
  status: ContentStatus;
  publishedVersion: number;
  diff: ContentDiffEntry[];
  override: { reason: string } | null;
}

/** A step of the workflow: the item after it, and the history entry that records it. */
export interface ContentStep {
  item: ContentItemState;
  entry: HistoryEntry;
}

export interface Actor {
  actorId: string;
  at: Date;
}

/** True when students get something other than the working copy. */
export function hasUnpublishedChanges(item: Pick<ContentItemState, 'content' | 'published'>): boolean {
  return item.published === null || !sameContent(item.published, item.content);
}

function step(item: ContentItemState, action: ContentAction, actor: string | null, at: Date, diff: ContentDiffEntry[] = [], override: HistoryEntry['override'] = null): ContentStep {
  return {
    item,
    entry: { revision: item.revision, action, actorId: actor, at, status: item.status, publishedVersion: item.publishedVersion, diff, override },
  };
}

function advance(item: ContentItemState, changes: Partial<ContentItemState>, { actorId, at }: Actor): ContentItemState {
  return { ...item, ...changes, revision: item.revision + 1, updatedAt: at, updatedBy: actorId };
}

/** The editor started from `revision`: refused when someone saved another since. */
function checkRevision(item: ContentItemState, revision: number | undefined): void {
  if (revision !== undefined && revision !== item.revision) {
    throw new ContentWorkflowError('CONTENT_CHANGED', `The item changed since revision ${revision}: it is at revision ${item.revision}; reload it and edit again`, {
      revision: item.revision,
    });
  }
}

/** A new item: a draft at revision 1 that students do not see. */
export function createContentItem(input: { kind: ContentKind; id: string; content: Content; listing: ContentListing } & Actor): ContentStep {
  const item: ContentItemState = {
    kind: input.kind,
    id: input.id,
    status: 'draft',
    revision: 1,
    publishedVersion: 0,
    live: 'none',
    listing: input.listing,
    content: input.content,
    published: null,
    createdAt: input.at,
    createdBy: input.actorId,
    updatedAt: input.at,
    updatedBy: input.actorId,
    submittedBy: null,
  };
  return step(item, 'created', input.actorId, input.at, contentDiff({}, input.content));
}

/**
 * An item its owner already serves that Tall did not hold (the seed): published (or archived) at
 * the owner's version, at least 1. Nobody did it, so no actor.
 */
export function adoptContentItem(input: { kind: ContentKind; id: string; content: Content; listing: ContentListing; archived: boolean; version: number; at: Date }): ContentStep {
  const status = input.archived ? 'archived' : 'published';
  const item: ContentItemState = {
    kind: input.kind,
    id: input.id,
    status,
    revision: 1,
    publishedVersion: Math.max(1, input.version),
    live: status,
    listing: input.listing,
    content: input.content,
    published: input.content,
    createdAt: input.at,
    createdBy: null,
    updatedAt: input.at,
    updatedBy: null,
    submittedBy: null,
  };
  return step(item, 'adopted', null, input.at);
}

/**
 * The whole new working copy. Whatever the status, the item becomes a draft: a published or
 * archived item keeps what students get until the draft is published.
 */
export function editContentItem(item: ContentItemState, edit: { content: Content; listing: ContentListing; revision: number } & Actor): ContentStep {
  checkRevision(item, edit.revision);
  const next = advance(item, { status: 'draft', content: edit.content, listing: edit.listing, submittedBy: null }, edit);
  return step(next, 'edited', edit.actorId, edit.at, contentDiff(item.content, edit.content));
}

/** A draft goes to review; another admin publishes it. */
export function submitContentItem(item: ContentItemState, submit: { revision?: number } & Actor): ContentStep {
  checkRevision(item, submit.revision);
  if (item.status !== 'draft') throw new ContentWorkflowError('NOT_A_DRAFT', `Only a draft goes to review; this item is ${item.status}`, { status: item.status });
  const next = advance(item, { status: 'in_review', submittedBy: submit.actorId }, submit);
  return step(next, 'submitted', submit.actorId, submit.at);
}

/** Refuses what may not be published by this admin now; the owner is written only after this. */
export function checkPublish(item: ContentItemState, publish: { revision?: number; override?: { reason: string } } & Actor): void {
  checkRevision(item, publish.revision);
  if (item.status !== 'in_review') throw new ContentWorkflowError('NOT_IN_REVIEW', `Only an item in review is published; this item is ${item.status}`, { status: item.status });
  if (item.submittedBy === publish.actorId && !publish.override) {
    throw new ContentWorkflowError('SECOND_ADMIN_REQUIRED', 'Another admin publishes what you sent to review, or you publish it with an override and a reason');
  }
}

/** The version the owner gets next (publish or archive). */
export function nextVersion(item: ContentItemState): number {
  return item.publishedVersion + 1;
}

/**
 * The item in review becomes the published version `nextVersion(item)`. An override is recorded
 * only when it was needed: by the admin who submitted it.
 */
export function publishContentItem(item: ContentItemState, publish: { revision?: number; override?: { reason: string } } & Actor): ContentStep {
  checkPublish(item, publish);
  const override = item.submittedBy === publish.actorId && publish.override ? { reason: publish.override.reason } : null;
  const next = advance(item, { status: 'published', publishedVersion: nextVersion(item), live: 'published', published: item.content, submittedBy: null }, publish);
  return step(next, 'published', publish.actorId, publish.at, [], override);
}

/** Refuses archiving what students do not get. */
export function checkArchive(item: ContentItemState, archive: { revision?: number }): void {
  checkRevision(item, archive.revision);
  if (item.status === 'archived') throw new ContentWorkflowError('ALREADY_ARCHIVED', 'The item is archived already');
  if (item.live !== 'published') throw new ContentWorkflowError('NOT_PUBLISHED', 'Students do not get this item: a draft that was never published is not archived', { status: item.status });
}

/**
 * Students no longer get the item in anything new (running sessions keep it). Archiving a draft or
 * review of a published item archives what students get; the working copy stays for later.
 */
export function archiveContentItem(item: ContentItemState, archive: { revision?: number } & Actor): ContentStep {
  checkArchive(item, archive);
  const next = advance(item, { status: 'archived', publishedVersion: nextVersion(item), live: 'archived', submittedBy: null }, archive);
  return step(next, 'archived', archive.actorId, archive.at);
}
