import { Body, Controller, HttpCode, Inject, Post, Query, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tall/platform/auth';
import { createZodDto, mapError } from '@tall/platform/http';
import { SyncReviewBatchCommand, type ReviewBatchItemOutcome } from '@tall/vocabulary/application';
import { MAX_BATCH_REVIEWS, ReviewBatchBodySchema, ReviewBatchResultSchema, ThematicReviewQuerySchema, type ReviewBatchResult } from '@tall/vocabulary/contracts';
import { VocabularyErrorMapper } from './vocabulary-error.mapper';

class ReviewBatchBodyDto extends createZodDto(ReviewBatchBodySchema) {}
class ReviewBatchResultDto extends createZodDto(ReviewBatchResultSchema) {}
class ReviewBatchQueryDto extends createZodDto(ThematicReviewQuerySchema) {}

@ApiTags('vocabulary')
@Controller('vocabulary/reviews')
@Roles('STUDENT')
@UseInterceptors(VocabularyErrorMapper)
export class ReviewBatchController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post('batch')
  @HttpCode(200)
  @ApiOperation({
    summary: `Offline sync of thematic and learning reviews (at most ${MAX_BATCH_REVIEWS}), applied in answeredAt order; idempotent per reviewId; one result per item, in the request's order`,
  })
  @ApiOkResponse({ type: ReviewBatchResultDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: an item is malformed (nothing is applied)' })
  @ApiPayloadTooLargeResponse({ description: `BATCH_TOO_LARGE: more than ${MAX_BATCH_REVIEWS} reviews` })
  async sync(@CurrentPrincipal() principal: Principal, @Body() body: ReviewBatchBodyDto, @Query() query: ReviewBatchQueryDto): Promise<ReviewBatchResult> {
    const { results } = await this.commands.execute(new SyncReviewBatchCommand(principal.userId, body, query.lang));
    return { results: results.map(itemResult) };
  }
}

/** A refused item answers with the status, code and message its refusal would have as a request of its own. */
function itemResult(outcome: ReviewBatchItemOutcome): ReviewBatchResult['results'][number] {
  if (outcome.status !== 'rejected') return outcome;
  const { statusCode, code, message } = mapError(VocabularyErrorMapper.toApiError(outcome.error));
  return { reviewId: outcome.reviewId, kind: outcome.kind, status: 'rejected', error: { statusCode, code, message } };
}
