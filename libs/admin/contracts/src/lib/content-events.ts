import { z } from 'zod';
import { defineEvent } from '@tall/platform/event-contracts';

/** Topics the admin context publishes (the topic name of the school's spec). */
export const ContentTopics = {
  /** Published and archived content: the owning contexts refresh their caches, clients may tell students. */
  events: 'content.events.v1',
} as const;

/** What admins curate; each kind is owned by one learning context, which serves the published version. */
export const CONTENT_KINDS = ['topics', 'words', 'texts', 'videos', 'exercises'] as const;
export const ContentKindSchema = z.enum(CONTENT_KINDS);
export type ContentKind = z.infer<typeof ContentKindSchema>;

/** The context that owns and serves each kind to students. */
export const CONTENT_OWNERS: Readonly<Record<ContentKind, string>> = {
  topics: 'vocabulary',
  words: 'vocabulary',
  texts: 'reader',
  videos: 'listening',
  exercises: 'exercises',
};

/** `published`: a new version is live (created or changed); `archived`: students no longer get it in anything new. */
export const ContentChangeSchema = z.enum(['published', 'archived']);
export type ContentChange = z.infer<typeof ContentChangeSchema>;

/** The id of a content item: the owning context's id (seed ids are hashes or slugs; new ones are UUIDs). */
export const ContentIdSchema = z.string().min(1).max(64);

export const ContentUpdated = defineEvent({
  type: 'content.updated',
  version: 1,
  topic: ContentTopics.events,
  description:
    'An admin published a new version of a content item, or archived it; the owning context already serves it. Keyed by the item id. Carries no content: owners and caches read the item from its owner.',
  schema: z.object({
    kind: ContentKindSchema,
    id: ContentIdSchema,
    /** The published version, counting from 1 (a seed item adopted by the admin context is version 1). */
    version: z.int().min(1),
    change: ContentChangeSchema,
    /** Who published or archived it (an admin's user id). */
    actorId: z.uuid(),
    at: z.iso.datetime(),
  }),
});

export const CONTENT_EVENT_CONTRACTS = [ContentUpdated] as const;
