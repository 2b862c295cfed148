import { z } from 'zod';
import { ContentIdSchema, ContentKindSchema } from '../content-events';

/*
 * `/api/v1/admin/content/:kind` (EDU_ADMIN and TECH_ADMIN). An item's `content` has the shape its
 * owner defines for the kind (words and topics: `@tall/vocabulary/contracts`' dictionary content);
 * the route checks it against that shape and answers 422 `CONTENT_INVALID` with per-field details when it does not fit.
 */

export const CONTENT_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export const ContentStatusSchema = z.enum(CONTENT_STATUSES);
export type ContentStatus = z.infer<typeof ContentStatusSchema>;

const Level = z.enum(['A1', 'A2', 'B1', 'B2', 'C1']);
const queryInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const ContentKindParamsSchema = z.strictObject({ kind: ContentKindSchema });
export const ContentItemParamsSchema = z.strictObject({ kind: ContentKindSchema, id: ContentIdSchema });

/** `GET /admin/content/:kind?status=&q=&level=&topic=&page=&pageSize=` */
export const ContentListQuerySchema = z.strictObject({
  status: ContentStatusSchema.optional(),
  /** Words of the title (a word's lemma or translation, a topic's or text's title), any case. */
  q: z.string().trim().min(1).max(100).optional(),
  level: Level.optional(),
  /** A dictionary topic's id (words) or slug (texts, videos, exercises). */
  topic: z.string().min(1).max(64).optional(),
  page: queryInt(1, 10_000).optional(),
  pageSize: queryInt(1, 100).optional(),
});
export type ContentListQuery = z.infer<typeof ContentListQuerySchema>;

/** `POST /admin/content/:kind`: a new draft. */
export const CreateContentBodySchema = z.strictObject({ content: z.record(z.string(), z.unknown()) });

/**
 * `PATCH /admin/content/:kind/:id`: the whole new content of the working copy. `revision` is the
 * revision the editor started from: when someone changed the item since, 409 `CONTENT_CHANGED`.
 * Editing a published item opens a new draft; students keep the published version until it is
 * published again.
 */
export const EditContentBodySchema = z.strictObject({ content: z.record(z.string(), z.unknown()), revision: z.int().min(1) });

/** `POST /admin/content/:kind/:id/submit` */
export const SubmitContentBodySchema = z.strictObject({ revision: z.int().min(1) }).partial();

/**
 * `POST /admin/content/:kind/:id/publish`: by another admin than the one who submitted it, or by
 * the same one with `override` and a reason (kept in the history).
 */
export const PublishContentBodySchema = z.strictObject({
  revision: z.int().min(1).optional(),
  override: z.strictObject({ reason: z.string().trim().min(3).max(500) }).optional(),
});

/** `POST /admin/content/:kind/:id/archive` */
export const ArchiveContentBodySchema = z.strictObject({ revision: z.int().min(1) }).partial();

export const ContentItemSchema = z.object({
  id: ContentIdSchema,
  kind: ContentKindSchema,
  status: ContentStatusSchema,
  /** Counts every saved change of the working copy (edits and state changes), from 1. */
  revision: z.int().min(1),
  /** The version students get (0: never published). */
  publishedVersion: z.int().min(0),
  /** What lists show: a word's lemma with its article, a topic's Dutch title, a text's or video's title. */
  title: z.string(),
  level: Level.nullable(),
  topic: z.string().nullable(),
  /** The working copy (the draft, or what is published when there is no draft). */
  content: z.record(z.string(), z.unknown()),
  /** True when the working copy differs from the published version. */
  unpublishedChanges: z.boolean(),
  createdAt: z.iso.datetime(),
  createdBy: z.string().nullable(),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string().nullable(),
  /** Who sent it to review (null unless in review). */
  submittedBy: z.string().nullable(),
});
export type ContentItem = z.infer<typeof ContentItemSchema>;

export const ContentPageSchema = z.object({
  items: z.array(ContentItemSchema.omit({ content: true })),
  total: z.int().min(0),
  page: z.int().min(1),
  pageSize: z.int().min(1),
});

/** One change to a value: `path` into the content (`translations.en`), what it was and became. */
export const ContentDiffEntrySchema = z.object({
  op: z.enum(['added', 'removed', 'changed']),
  path: z.string(),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
});
export type ContentDiffEntry = z.infer<typeof ContentDiffEntrySchema>;

export const CONTENT_ACTIONS = ['adopted', 'created', 'edited', 'submitted', 'published', 'archived'] as const;
export const ContentActionSchema = z.enum(CONTENT_ACTIONS);
export type ContentAction = z.infer<typeof ContentActionSchema>;

export const ContentHistoryEntrySchema = z.object({
  revision: z.int().min(1),
  action: ContentActionSchema,
  /** Null for what Tall did itself (adopting the seed). */
  actorId: z.string().nullable(),
  at: z.iso.datetime(),
  status: ContentStatusSchema,
  /** The published version this entry made (publish), or the one live at the time. */
  publishedVersion: z.int().min(0),
  /** Content changes against the previous revision (empty for a state change). */
  diff: z.array(ContentDiffEntrySchema),
  /** A publish by the same admin who submitted, with the reason given. */
  override: z.object({ reason: z.string() }).nullable(),
});
export type ContentHistoryEntry = z.infer<typeof ContentHistoryEntrySchema>;

export const ContentHistorySchema = z.object({ id: ContentIdSchema, kind: ContentKindSchema, entries: z.array(ContentHistoryEntrySchema) });
export type ContentHistory = z.infer<typeof ContentHistorySchema>;
export type ContentPage = z.infer<typeof ContentPageSchema>;
