import { z } from 'zod';

/** `GET /api/v1/system/info` */
export const SystemInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  instanceId: z.string(),
  modules: z.array(z.string()),
  startedAt: z.string(),
});
export type SystemInfo = z.infer<typeof SystemInfoSchema>;

export const JobRunSchema = z.object({
  job: z.string(),
  periodKey: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.int(),
});
export type JobRunView = z.infer<typeof JobRunSchema>;

export const JobRunListSchema = z.object({ items: z.array(JobRunSchema) });
export type JobRunList = z.infer<typeof JobRunListSchema>;

/** `POST /api/v1/system/cron/weekly-cohorts/run` */
export const RunJobQuerySchema = z.strictObject({ force: z.enum(['true', 'false']).optional() });
/** `GET /api/v1/system/cron/:job/runs` */
export const JobRunsQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).optional() });
export const JobParamsSchema = z.strictObject({ job: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/) });

/**
 * An event a consumer gave up on (`failed`, after EVENT_MAX_ATTEMPTS tries), or one parked
 * behind it because it has the same key (`waiting`): later events of a key never overtake it.
 */
export const ParkedEventSchema = z.object({
  id: z.string(),
  consumer: z.string(),
  topic: z.string(),
  type: z.string(),
  key: z.string(),
  eventId: z.string(),
  occurredAt: z.string(),
  parkedAt: z.string(),
  reason: z.enum(['failed', 'waiting']),
  attempts: z.int(),
  lastError: z.string().nullable(),
  payload: z.unknown(),
});
export type ParkedEventView = z.infer<typeof ParkedEventSchema>;

/** `GET /api/v1/system/parked-events`: oldest first, with the count per consumer. */
export const ParkedEventListSchema = z.object({
  items: z.array(ParkedEventSchema),
  total: z.int(),
  consumers: z.array(z.object({ consumer: z.string(), count: z.int() })),
});
export type ParkedEventList = z.infer<typeof ParkedEventListSchema>;

export const ParkedEventsQuerySchema = z.strictObject({
  consumer: z.string().max(200).optional(),
  topic: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
export const ParkedEventParamsSchema = z.strictObject({ id: z.uuid() });

/**
 * `POST /api/v1/system/parked-events/:id/replay`: runs the parked events of that consumer and
 * key again, oldest first, until one fails again (it stays parked, with the new error).
 */
export const ParkedEventReplaySchema = z.object({ applied: z.int(), remaining: z.int(), error: z.string().nullable() });
export type ParkedEventReplay = z.infer<typeof ParkedEventReplaySchema>;

/** `DELETE /api/v1/system/parked-events/:id`: drops it; `remaining` are still parked for that key. */
export const ParkedEventDiscardSchema = z.object({ remaining: z.int() });
export type ParkedEventDiscard = z.infer<typeof ParkedEventDiscardSchema>;
