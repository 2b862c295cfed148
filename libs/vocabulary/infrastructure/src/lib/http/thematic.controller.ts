import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tall/platform/auth';
import { createZodDto } from '@tall/platform/http';
import { DrawThematicSessionQuery, GetThematicStatsQuery, ReviewThematicCardCommand } from '@tall/vocabulary/application';
import {
  ThematicReviewBodySchema,
  ThematicReviewQuerySchema,
  ThematicReviewResultSchema,
  ThematicSessionQuerySchema,
  ThematicSessionSchema,
  ThematicStatsSchema,
  type ThematicReviewResult,
  type ThematicSession,
  type ThematicStats,
} from '@tall/vocabulary/contracts';
import { TopicParamsDto } from './dictionary.controller';
import { VocabularyErrorMapper } from './vocabulary-error.mapper';

class ThematicSessionQueryDto extends createZodDto(ThematicSessionQuerySchema) {}
class ThematicSessionDto extends createZodDto(ThematicSessionSchema) {}
class ThematicReviewBodyDto extends createZodDto(ThematicReviewBodySchema) {}
class ThematicReviewQueryDto extends createZodDto(ThematicReviewQuerySchema) {}
class ThematicReviewResultDto extends createZodDto(ThematicReviewResultSchema) {}
class ThematicStatsDto extends createZodDto(ThematicStatsSchema) {}

@ApiTags('vocabulary')
@Controller('vocabulary')
@Roles('STUDENT')
@UseInterceptors(VocabularyErrorMapper)
export class ThematicController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get('topics/:id/session')
  @ApiOperation({
    summary: 'A thematic-card session of one topic: due words first, then new ones, up to the size; cards carry prompts, never the answers',
  })
  @ApiOkResponse({ type: ThematicSessionDto })
  @ApiNotFoundResponse({ description: 'TOPIC_NOT_FOUND' })
  session(@CurrentPrincipal() principal: Principal, @Param() params: TopicParamsDto, @Query() query: ThematicSessionQueryDto): Promise<ThematicSession> {
    return this.queries.execute(new DrawThematicSessionQuery(principal.userId, params.id, query));
  }

  @Post('thematic/reviews')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Answer a thematic card: the server checks it and moves the word between boxes. Idempotent by reviewId: a repeat answers 200 with duplicate: true and changes nothing',
  })
  @ApiOkResponse({ type: ThematicReviewResultDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'WORD_NOT_FOUND' })
  @ApiConflictResponse({ description: 'REVIEW_IN_PROGRESS: the same reviewId is being applied by another request; send it again' })
  @ApiUnprocessableEntityResponse({ description: 'MODE_NOT_APPLICABLE: e.g. de/het for a verb, verb forms for a regular verb; ANSWERED_AT_IN_FUTURE: answeredAt beyond the allowed clock skew; INVALID_ANSWER: the answer does not fit the mode (three verb forms for verb-forms, a text otherwise)' })
  review(@CurrentPrincipal() principal: Principal, @Body() body: ThematicReviewBodyDto, @Query() query: ThematicReviewQueryDto): Promise<ThematicReviewResult> {
    return this.commands.execute(new ReviewThematicCardCommand(principal.userId, body, query.lang));
  }

  @Get('thematic/stats')
  @ApiOperation({ summary: "The student's thematic-card figures per topic and overall: seen, learning, mastered, due today, accuracy, streak" })
  @ApiOkResponse({ type: ThematicStatsDto })
  statistics(@CurrentPrincipal() principal: Principal): Promise<ThematicStats> {
    return this.queries.execute(new GetThematicStatsQuery(principal.userId));
  }
}
