import { z } from 'zod';
import { CefrLevelSchema } from '../vocabulary-events';
import { TopicStatsSchema } from './thematic-http';

const Id = z.string().min(1).max(64);

/** `GET /api/v1/vocabulary/topics?level=` */
export const TopicListQuerySchema = z.strictObject({ level: CefrLevelSchema.optional() });
export type TopicListQuery = z.infer<typeof TopicListQuerySchema>;

export const TopicParamsSchema = z.strictObject({ id: Id });

export const TopicSummarySchema = z.object({
  id: Id,
  slug: z.string(),
  title: z.object({ nl: z.string(), en: z.string() }),
  level: CefrLevelSchema,
  order: z.int(),
  wordCount: z.int().min(0),
  /** The signed-in student's figures on the topic; null for other roles. */
  stats: TopicStatsSchema.nullable(),
});
export type TopicSummary = z.infer<typeof TopicSummarySchema>;
export const TopicListSchema = z.array(TopicSummarySchema);

export const VerbDetailsSchema = z.object({
  irregular: z.boolean(),
  presentThirdSingular: z.string(),
  pastSingular: z.string(),
  pastPlural: z.string(),
  participle: z.string(),
  auxiliary: z.string(),
  separablePrefix: z.string().nullable(),
});

export const DictionaryWordSchema = z.object({
  id: Id,
  topicId: Id,
  lemma: z.string(),
  pos: z.string(),
  article: z.enum(['de', 'het']).nullable(),
  plural: z.string().nullable(),
  pluralOnly: z.boolean(),
  verb: VerbDetailsSchema.nullable(),
  translations: z.record(z.string(), z.string()),
  example: z.object({ nl: z.string(), en: z.string() }),
  /** The signed-in student's card: box (1..N), when it is due, whether it is mastered; null when not seen yet or for other roles. */
  card: z.object({ box: z.int().min(1), dueAt: z.iso.datetime(), mastered: z.boolean() }).nullable(),
});
export type DictionaryWordView = z.infer<typeof DictionaryWordSchema>;

/** `GET /api/v1/vocabulary/topics/:id/words`, in the topic's order. */
export const TopicWordsSchema = z.array(DictionaryWordSchema);
