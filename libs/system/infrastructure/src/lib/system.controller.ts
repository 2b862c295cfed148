import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { OpsAccess, Public } from '@tall/platform/auth';
import { APP_INFO, type AppInfo } from '@tall/platform/config';
import { createZodDto, errors } from '@tall/platform/http';
import { JobConflictError, ScheduledJobs, UnknownJobError, type JobRun } from '@tall/platform/scheduling';
import { WEEKLY_COHORTS_JOB } from './system-lifecycle';

const SystemInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  instanceId: z.string(),
  modules: z.array(z.string()),
  startedAt: z.string(),
});
class SystemInfoDto extends createZodDto(SystemInfoSchema) {}

const JobRunSchema = z.object({
  job: z.string(),
  periodKey: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.int(),
});
class JobRunDto extends createZodDto(JobRunSchema) {}
class JobRunListDto extends createZodDto(z.object({ items: z.array(JobRunSchema) })) {}

class RunQueryDto extends createZodDto(z.strictObject({ force: z.enum(['true', 'false']).optional() })) {}
class HistoryQueryDto extends createZodDto(
  z.strictObject({ limit: z.coerce.number().int().min(1).max(200).optional() }),
) {}
class JobParamsDto extends createZodDto(z.strictObject({ job: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/) })) {}

@ApiTags('system')
@Controller('system')
export class SystemController {
  private readonly info: z.infer<typeof SystemInfoSchema>;

  constructor(
    @Inject(APP_INFO) app: AppInfo,
    private readonly jobs: ScheduledJobs,
  ) {
    // Computed once: this is the cached GET of the platform benchmark.
    this.info = { name: app.name, version: app.version, instanceId: app.instanceId, modules: app.hostedModules, startedAt: app.startedAt };
  }

  @Get('info')
  @Public()
  @ApiOperation({ summary: 'Version and hosted modules of this instance' })
  @ApiOkResponse({ type: SystemInfoDto })
  getInfo(): z.infer<typeof SystemInfoSchema> {
    return this.info;
  }

  @Post('cron/weekly-cohorts/run')
  @HttpCode(200)
  @OpsAccess()
  @ApiOperation({ summary: "Run this week's cohort rotation now (idempotent per ISO week unless force=true)" })
  @ApiOkResponse({ type: JobRunDto })
  async runWeekly(@Query() query: RunQueryDto): Promise<z.infer<typeof JobRunSchema>> {
    try {
      return toDto(await this.jobs.runNow(WEEKLY_COHORTS_JOB, { force: query.force === 'true' }));
    } catch (error) {
      if (error instanceof JobConflictError) throw errors.conflict('CRON_JOB_RUNNING', 'The weekly job is running right now');
      throw error;
    }
  }

  @Get('cron/:job/runs')
  @OpsAccess()
  @ApiOperation({ summary: 'Recent runs of a scheduled job, newest first' })
  @ApiOkResponse({ type: JobRunListDto })
  async history(@Param() params: JobParamsDto, @Query() query: HistoryQueryDto): Promise<{ items: z.infer<typeof JobRunSchema>[] }> {
    try {
      return { items: (await this.jobs.history(params.job, query.limit ?? 20)).map(toDto) };
    } catch (error) {
      if (error instanceof UnknownJobError) throw errors.notFound('Scheduled job', 'JOB_NOT_FOUND');
      throw error;
    }
  }
}

function toDto(run: JobRun): z.infer<typeof JobRunSchema> {
  return {
    job: run.job,
    periodKey: run.periodKey,
    status: run.status,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    error: run.error,
    attempts: run.attempts,
  };
}
