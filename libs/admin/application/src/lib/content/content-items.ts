import { Inject, Injectable } from '@nestjs/common';
import type { ContentItem, ContentKind } from '@tall/admin/contracts';
import { adoptContentItem, hasUnpublishedChanges, type Content, type ContentItemState, type ContentListing, type ContentStep } from '@tall/admin/domain';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { AdminError, adminErrors } from '../admin-error';
import { ADMIN_CLOCK, CONTENT_STORE, type AdminClock, type ContentStore } from '../ports/content-store.port';
import { CONTENT_OWNERS, type ContentOwner, type ContentOwners, type OwnerListing } from '../ports/content-owners.port';

/** How often an unknown id may send `load` to the owners for items not adopted yet. */
const LAZY_ADOPTION_INTERVAL_MS = 30_000;

export interface AdoptionReport {
  adopted: number;
  held: number;
}

/** What the content use cases share: each kind's owner, loading an item, judging a content, adopting. */
@Injectable()
export class ContentItems {
  private lastLazyAdoption = Number.NEGATIVE_INFINITY;

  constructor(
    @Inject(CONTENT_STORE) private readonly store: ContentStore,
    @Inject(CONTENT_OWNERS) private readonly owners: ContentOwners,
    @Inject(ADMIN_CLOCK) private readonly clock: AdminClock,
  ) {}

  /** The kind's owner; 404 for a kind no owner takes yet, before anything else is looked at. */
  ownerOf(kind: ContentKind): ContentOwner {
    const owner = this.owners.ownerOf(kind);
    if (!owner) throw adminErrors.kindNotAvailable(kind);
    return owner;
  }

  /**
   * The item, or 404. An id Tall does not hold yet may be one its owner serves but was not adopted
   * (the owner was still loading its seed when this instance started): adopt what is missing once.
   */
  async load(kind: ContentKind, id: string): Promise<ContentItemState> {
    this.ownerOf(kind);
    const held = await this.store.find(kind, id);
    if (held) return held;
    // At most once per half minute: an id nobody has must not make every request list the whole dictionary.
    const now = this.clock().getTime();
    if (now - this.lastLazyAdoption < LAZY_ADOPTION_INTERVAL_MS) throw adminErrors.notFound(kind, id);
    this.lastLazyAdoption = now;
    // Another instance may adopt it at the same moment: read again whatever this run inserted.
    await this.adoptMissing();
    const adopted = await this.store.find(kind, id);
    if (!adopted) throw adminErrors.notFound(kind, id);
    return adopted;
  }

  /** The content as its owner reads it, with what lists show; 400 with per-field details when it does not fit. */
  async judge(kind: ContentKind, content: unknown): Promise<{ content: Content; listing: ContentListing }> {
    const checked = this.ownerOf(kind).check(kind, content);
    if (!checked.valid) throw adminErrors.invalidContent(checked.fields);
    return { content: checked.content, listing: await this.resolve(checked.listing) };
  }

  /**
   * Inserts every item an owner serves that Tall does not hold, as published (or archived) at the
   * owner's version. Items held already are left alone; an insert another instance made first is
   * not an error.
   */
  async adoptMissing(): Promise<AdoptionReport> {
    const report: AdoptionReport = { adopted: 0, held: 0 };
    for (const owner of this.owners.all()) {
      const entries = await owner.entries();
      const held = new Map<ContentKind, Set<string>>();
      for (const kind of owner.kinds) held.set(kind, await this.store.ids(kind));
      // Levels of the items adopted in this run, for the words adopted after their topics.
      const levels = new Map<string, ContentListing['level']>();
      for (const entry of entries) {
        if (held.get(entry.kind)?.has(entry.id)) {
          report.held += 1;
          continue;
        }
        const checked = owner.check(entry.kind, entry.content);
        if (!checked.valid) throw new Error(`${entry.kind} ${entry.id} of its owner does not fit the owner's own content shape: ${JSON.stringify(checked.fields)}`);
        const listing = await this.resolve(checked.listing, levels);
        levels.set(`${entry.kind}/${entry.id}`, listing.level);
        const adopted = adoptContentItem({ kind: entry.kind, id: entry.id, content: checked.content, listing, archived: entry.archived, version: entry.version, at: this.clock() });
        if (await this.store.insert(adopted)) report.adopted += 1;
        else report.held += 1;
      }
    }
    return report;
  }

  /** Saves a step of an item loaded at `expectedRevision`; 409 CONTENT_CHANGED when another write came first. */
  async save(step: ContentStep, expectedRevision: number, events: readonly EventEnvelope[] = []): Promise<void> {
    if (await this.store.save(step, expectedRevision, events)) return;
    throw new AdminError('CONTENT_CHANGED', `The item changed while this change was made; reload it and try again`);
  }

  /** Inserts a new item's first step (its id is new: a clash is a bug, not the user's). */
  async insert(step: ContentStep): Promise<void> {
    if (!(await this.store.insert(step))) throw new Error(`${step.item.kind} ${step.item.id} exists already`);
  }

  private async resolve(listing: OwnerListing, levels?: Map<string, ContentListing['level']>): Promise<ContentListing> {
    const level = listing.level;
    if (level === null || typeof level === 'string') return { ...listing, level };
    const known = levels?.get(`${level.of.kind}/${level.of.id}`);
    if (known !== undefined) return { ...listing, level: known };
    const other = await this.store.find(level.of.kind, level.of.id);
    return { ...listing, level: other?.listing.level ?? null };
  }
}

/** The item as the HTTP contract shows it. */
export function contentItemView(item: ContentItemState): ContentItem {
  return {
    id: item.id,
    kind: item.kind,
    status: item.status,
    revision: item.revision,
    publishedVersion: item.publishedVersion,
    title: item.listing.title,
    level: item.listing.level,
    topic: item.listing.topic,
    content: item.content,
    unpublishedChanges: hasUnpublishedChanges(item),
    createdAt: item.createdAt.toISOString(),
    createdBy: item.createdBy,
    updatedAt: item.updatedAt.toISOString(),
    updatedBy: item.updatedBy,
    submittedBy: item.submittedBy,
  };
}
