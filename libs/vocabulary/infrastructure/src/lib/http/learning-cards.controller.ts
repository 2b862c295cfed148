import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tall/platform/auth';
import { createZodDto } from '@tall/platform/http';
import {
  AddMyWordCommand,
  GetLearningStatsQuery,
  GetMyScheduleQuery,
  GetTodayQueueQuery,
  ListMyWordsQuery,
  RemoveMyWordCommand,
  ReviewLearningCardCommand,
} from '@tall/vocabulary/application';
import {
  AddMyWordBodySchema,
  LearningReviewBodySchema,
  LearningReviewResultSchema,
  LearningStatsSchema,
  MyScheduleSchema,
  MyWordListSchema,
  MyWordParamsSchema,
  MyWordSchema,
  MyWordsQuerySchema,
  TodayQueueQuerySchema,
  TodayQueueSchema,
  type LearningReviewResult,
  type LearningStats,
  type MySchedule,
  type AddMyWordBody,
  type MyWord,
  type MyWordList,
  type TodayQueue,
} from '@tall/vocabulary/contracts';
import { VocabularyErrorMapper } from './vocabulary-error.mapper';

class MyWordsQueryDto extends createZodDto(MyWordsQuerySchema) {}
// TypeScript cannot extend a class whose instances are a union; at run time this is nestjs-zod's DTO
// class, which the validation pipe checks the body against and the OpenAPI document shows as oneOf.
class AddMyWordDto extends (createZodDto(AddMyWordBodySchema) as new () => object) {}
class MyWordParamsDto extends createZodDto(MyWordParamsSchema) {}
class TodayQueueQueryDto extends createZodDto(TodayQueueQuerySchema) {}
class LearningReviewDto extends createZodDto(LearningReviewBodySchema) {}
class MyWordDto extends createZodDto(MyWordSchema) {}
class MyWordListDto extends createZodDto(MyWordListSchema) {}
class TodayQueueDto extends createZodDto(TodayQueueSchema) {}
class LearningReviewResultDto extends createZodDto(LearningReviewResultSchema) {}
class MyScheduleDto extends createZodDto(MyScheduleSchema) {}
class LearningStatsDto extends createZodDto(LearningStatsSchema) {}

/** Learning cards of the signed-in student: their personal dictionary, today's queue, reviews, schedule and figures. */
@ApiTags('vocabulary: learning cards')
@Controller('vocabulary')
@Roles('STUDENT')
@UseInterceptors(VocabularyErrorMapper)
export class LearningCardsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get('my-words')
  @ApiOperation({ summary: 'The student’s words, newest first; q searches the Dutch word and the translation' })
  @ApiOkResponse({ type: MyWordListDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: MyWordsQueryDto): Promise<MyWordList> {
    return this.queries.execute(new ListMyWordsQuery(principal.userId, query));
  }

  @Post('my-words')
  @ApiOperation({
    summary: 'Add a word: {wordId} from the dictionary, or an own word {lemma, translation, article?, note?}',
    description: 'It joins the cohort of the current ISO week (Europe/Amsterdam). 409 LEARNING_WORD_EXISTS when the lemma is already there (any case).',
  })
  @ApiCreatedResponse({ type: MyWordDto })
  @ApiNotFoundResponse({ description: 'DICTIONARY_WORD_NOT_FOUND' })
  @ApiConflictResponse({ description: 'LEARNING_WORD_EXISTS: the lemma is already in your dictionary (details.userWordId names it)' })
  add(@CurrentPrincipal() principal: Principal, @Body() body: AddMyWordDto): Promise<MyWord> {
    return this.commands.execute(new AddMyWordCommand(principal.userId, body as AddMyWordBody));
  }

  @Get('my-words/today')
  @ApiOperation({ summary: "Today's queue: due cards of this week's active cohorts, earliest due first, as flip cards" })
  @ApiOkResponse({ type: TodayQueueDto })
  today(@CurrentPrincipal() principal: Principal, @Query() query: TodayQueueQueryDto): Promise<TodayQueue> {
    return this.queries.execute(new GetTodayQueueQuery(principal.userId, query.limit));
  }

  @Get('my-words/stats')
  @ApiOperation({ summary: 'Cards per FSRS state, due and reviewed today, retention over the last 30 days' })
  @ApiOkResponse({ type: LearningStatsDto })
  stats(@CurrentPrincipal() principal: Principal): Promise<LearningStats> {
    return this.queries.execute(new GetLearningStatsQuery(principal.userId));
  }

  @Post('my-words/reviews')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rate a learning card (again|hard|good|easy); FSRS schedules its next review',
    description:
      'Idempotent by reviewId: a repeat answers the stored result with duplicate: true. A card whose cohort is not active this week is reviewed all the same (the student chose to practise it). answeredAt may be at most ANSWERED_AT_MAX_SKEW_MS (5 min) ahead of the server.',
  })
  @ApiOkResponse({ type: LearningReviewResultDto })
  @ApiNotFoundResponse({ description: 'LEARNING_WORD_NOT_FOUND: unknown, removed, or another student’s word' })
  @ApiConflictResponse({ description: 'REVIEW_ID_CONFLICT or LEARNING_CARD_BUSY' })
  @ApiUnprocessableEntityResponse({ description: 'ANSWERED_AT_IN_FUTURE: answeredAt is more than 5 minutes ahead of the server' })
  review(@CurrentPrincipal() principal: Principal, @Body() body: LearningReviewDto): Promise<LearningReviewResult> {
    return this.commands.execute(new ReviewLearningCardCommand(principal.userId, body));
  }

  @Delete('my-words/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a word from the student’s dictionary' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'LEARNING_WORD_NOT_FOUND' })
  async remove(@CurrentPrincipal() principal: Principal, @Param() params: MyWordParamsDto): Promise<void> {
    await this.commands.execute(new RemoveMyWordCommand(principal.userId, params.id));
  }

  @Get('my-schedule')
  @ApiOperation({ summary: 'Weeks, cohorts and cycle positions: active cohorts this week, when each comes back, sizes, due and done today' })
  @ApiOkResponse({ type: MyScheduleDto })
  schedule(@CurrentPrincipal() principal: Principal): Promise<MySchedule> {
    return this.queries.execute(new GetMyScheduleQuery(principal.userId));
  }
}
