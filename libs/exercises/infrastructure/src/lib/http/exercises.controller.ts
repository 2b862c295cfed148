import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { GetExerciseQuery, ListExercisesQuery, OpenWeeklySetCommand, SubmitExerciseAttemptCommand } from '@tall/exercises/application';
import {
  ExerciseAttemptBodySchema,
  ExerciseAttemptResultSchema,
  ExerciseListQuerySchema,
  ExerciseListSchema,
  ExerciseParamsSchema,
  PublicExerciseSchema,
  WeeklySetSchema,
  type ExerciseAttemptResult,
  type ExerciseList,
  type PublicExercise,
  type WeeklySet,
} from '@tall/exercises/contracts';
import { CurrentPrincipal, Roles, type Principal } from '@tall/platform/auth';
import { createZodDto } from '@tall/platform/http';
import { ExercisesErrorMapper } from './exercises-error.mapper';

class ExerciseListQueryDto extends createZodDto(ExerciseListQuerySchema) {}
class ExerciseListDto extends createZodDto(ExerciseListSchema) {}
class ExerciseParamsDto extends createZodDto(ExerciseParamsSchema) {}
// A union by type: the document shows oneOf.
class PublicExerciseDto extends (createZodDto(PublicExerciseSchema) as new () => object) {}
class WeeklySetDto extends createZodDto(WeeklySetSchema) {}
class ExerciseAttemptDto extends createZodDto(ExerciseAttemptBodySchema) {}
class ExerciseAttemptResultDto extends createZodDto(ExerciseAttemptResultSchema) {}

/**
 * Exercises for the signed-in student, as the reader is theirs (STUDENT only): the school's
 * exercises, their weekly set made from their own words, and attempts graded on the server.
 */
@ApiTags('exercises')
@Controller('exercises')
@Roles('STUDENT')
@UseInterceptors(ExercisesErrorMapper)
export class ExercisesController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The school’s published exercises by level, type and title, each with the student’s latest score' })
  @ApiOkResponse({ type: ExerciseListDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ExerciseListQueryDto): Promise<ExerciseList> {
    return this.queries.execute(new ListExercisesQuery(principal.userId, query));
  }

  @Get('weekly')
  @ApiOperation({
    summary: 'The student’s exercises for this week, without answers, made from the learning cards they added this week',
    description:
      'Made once per student and ISO week (the school’s calendar) and kept: de/het for nouns, words matched to their translations, words filled into their sentences, sentences built from their words. With fewer than 6 words in the week the words they are learning are used too, and dictionary words of their level when they have too few.',
  })
  @ApiOkResponse({ type: WeeklySetDto })
  weekly(@CurrentPrincipal() principal: Principal): Promise<WeeklySet> {
    return this.commands.execute(new OpenWeeklySetCommand(principal.userId));
  }

  @Get(':id')
  @ApiOperation({ summary: 'An exercise without its answers: one of the school’s, or one of the student’s own weekly ones' })
  @ApiOkResponse({ type: PublicExerciseDto })
  @ApiNotFoundResponse({ description: 'EXERCISE_NOT_FOUND: no such exercise, or another student’s weekly one' })
  get(@CurrentPrincipal() principal: Principal, @Param() params: ExerciseParamsDto): Promise<PublicExercise> {
    return this.queries.execute(new GetExerciseQuery(principal.userId, params.id));
  }

  @Post(':id/attempts')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Hand in the exercise; the server grades it and answers the score with each item’s expected answer (exercise.completed)',
    description:
      'Answers by type: order, the tokens in the order chosen; match, the option chosen; buckets, the bucket’s id; cloze, one text per blank. Typed text is matched forgiving case, spaces and the kind of apostrophe. Unanswered items count as wrong.',
  })
  @ApiCreatedResponse({ type: ExerciseAttemptResultDto })
  @ApiNotFoundResponse({ description: 'EXERCISE_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({
    description: 'ANSWER_SHAPE_MISMATCH: an answer of the wrong shape for the exercise’s type; INVALID_ANSWER: an item it lacks, answered twice, or not made of what the item offers',
  })
  submit(@CurrentPrincipal() principal: Principal, @Param() params: ExerciseParamsDto, @Body() body: ExerciseAttemptDto): Promise<ExerciseAttemptResult> {
    return this.commands.execute(new SubmitExerciseAttemptCommand(principal.userId, params.id, body));
  }
}
