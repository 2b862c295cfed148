import { Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MetricsAccess, OpsAccess } from '@tall/platform/auth';
import { createZodDto } from '@tall/platform/http';
import {
  DiscardParkedEventCommand,
  GetSystemInfoQuery,
  ListJobRunsQuery,
  ListParkedEventsQuery,
  ReplayParkedEventCommand,
  RunWeeklyJobCommand,
} from '@tall/system/application';
import {
  JobParamsSchema,
  JobRunListSchema,
  JobRunSchema,
  JobRunsQuerySchema,
  ParkedEventDiscardSchema,
  ParkedEventListSchema,
  ParkedEventParamsSchema,
  ParkedEventReplaySchema,
  ParkedEventsQuerySchema,
  RunJobQuerySchema,
  SystemInfoSchema,
  type JobRunList,
  type JobRunView,
  type ParkedEventDiscard,
  type ParkedEventList,
  type ParkedEventReplay,
  type SystemInfo,
} from '@tall/system/contracts';
import { SystemErrorMapper } from './system-error.mapper';

class SystemInfoDto extends createZodDto(SystemInfoSchema) {}
class JobRunDto extends createZodDto(JobRunSchema) {}
class JobRunListDto extends createZodDto(JobRunListSchema) {}
class RunQueryDto extends createZodDto(RunJobQuerySchema) {}
class HistoryQueryDto extends createZodDto(JobRunsQuerySchema) {}
class JobParamsDto extends createZodDto(JobParamsSchema) {}
class ParkedEventListDto extends createZodDto(ParkedEventListSchema) {}
class ParkedEventsQueryDto extends createZodDto(ParkedEventsQuerySchema) {}
class ParkedEventParamsDto extends createZodDto(ParkedEventParamsSchema) {}
class ParkedEventReplayDto extends createZodDto(ParkedEventReplaySchema) {}
class ParkedEventDiscardDto extends createZodDto(ParkedEventDiscardSchema) {}

@ApiTags('system')
@Controller('system')
@UseInterceptors(SystemErrorMapper)
export class SystemController {
  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(CommandBus) private readonly commands: CommandBus,
  ) {}

  @Get('info')
  @MetricsAccess()
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

  @Get('parked-events')
  @OpsAccess()
  @ApiOperation({ summary: 'Events a consumer gave up on, and those parked behind them (oldest first)' })
  @ApiOkResponse({ type: ParkedEventListDto })
  parkedEvents(@Query() query: ParkedEventsQueryDto): Promise<ParkedEventList> {
    return this.queries.execute(new ListParkedEventsQuery(query));
  }

  @Post('parked-events/:id/replay')
  @HttpCode(200)
  @OpsAccess()
  @ApiOperation({ summary: "Run the parked events of this one's consumer and key again, oldest first" })
  @ApiOkResponse({ type: ParkedEventReplayDto })
  replayParked(@Param() params: ParkedEventParamsDto): Promise<ParkedEventReplay> {
    return this.commands.execute(new ReplayParkedEventCommand(params.id));
  }

  @Delete('parked-events/:id')
  @OpsAccess()
  @ApiOperation({ summary: 'Drop a parked event for good' })
  @ApiOkResponse({ type: ParkedEventDiscardDto })
  discardParked(@Param() params: ParkedEventParamsDto): Promise<ParkedEventDiscard> {
    return this.commands.execute(new DiscardParkedEventCommand(params.id));
  }
}
