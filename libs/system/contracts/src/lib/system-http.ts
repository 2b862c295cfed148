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
