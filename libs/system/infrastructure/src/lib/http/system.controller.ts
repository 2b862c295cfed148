import { Controller, Get, HttpCode, Inject, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OpsAccess, Public } from '@tall/platform/auth';
import { createZodDto } from '@tall/platform/http';
import { GetSystemInfoQuery, ListJobRunsQuery, RunWeeklyJobCommand } from '@tall/system/application';
import {
  JobParamsSchema,
  JobRunListSchema,
  JobRunSchema,
  JobRunsQuerySchema,
  RunJobQuerySchema,
  SystemInfoSchema,
  type JobRunList,
  type JobRunView,
  type SystemInfo,
} from '@tall/system/contracts';
import { SystemErrorMapper } from './system-error.mapper';

class SystemInfoDto extends createZodDto(SystemInfoSchema) {}
class JobRunDto extends createZodDto(JobRunSchema) {}
class JobRunListDto extends createZodDto(JobRunListSchema) {}
class RunQueryDto extends createZodDto(RunJobQuerySchema) {}
class HistoryQueryDto extends createZodDto(JobRunsQuerySchema) {}
class JobParamsDto extends createZodDto(JobParamsSchema) {}

@ApiTags('system')
@Controller('system')
@UseInterceptors(SystemErrorMapper)
export class SystemController {
  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(CommandBus) private readonly commands: CommandBus,
  ) {}

  @Get('info')
  @Public()
  @ApiOperation({ summary: 'Version and hosted modules of this instance' })
  @ApiOkResponse({ type: SystemInfoDto })
  getInfo(): Promise<SystemInfo> {
    return this.queries.execute(new GetSystemInfoQuery());
  }

  @Post('cron/weekly-cohorts/run')
  @HttpCode(200)
  @OpsAccess()
  @ApiOperation({ summary: "Run this week's cohort rotation now (idempotent per ISO week unless force=true)" })
  @ApiOkResponse({ type: JobRunDto })
  runWeekly(@Query() query: RunQueryDto): Promise<JobRunView> {
    return this.commands.execute(new RunWeeklyJobCommand(query.force === 'true'));
  }

  @Get('cron/:job/runs')
  @OpsAccess()
  @ApiOperation({ summary: 'Recent runs of a scheduled job, newest first' })
  @ApiOkResponse({ type: JobRunListDto })
  history(@Param() params: JobParamsDto, @Query() query: HistoryQueryDto): Promise<JobRunList> {
    return this.queries.execute(new ListJobRunsQuery(params.job, query.limit));
  }
}
