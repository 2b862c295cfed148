import { Body, Controller, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tall/platform/auth';
import { createZodDto } from '@tall/platform/http';
import { ReviewBatchService } from '@tall/vocabulary/application';
import { MAX_BATCH_REVIEWS, ReviewBatchBodySchema, ReviewBatchResultSchema, ThematicReviewQuerySchema, type ReviewBatchResult } from '@tall/vocabulary/contracts';

class ReviewBatchBodyDto extends createZodDto(ReviewBatchBodySchema) {}
class ReviewBatchResultDto extends createZodDto(ReviewBatchResultSchema) {}
class ReviewBatchQueryDto extends createZodDto(ThematicReviewQuerySchema) {}

@ApiTags('vocabulary')
@Controller('vocabulary/reviews')
@Roles('STUDENT')
export class ReviewBatchController {
  constructor(@Inject(ReviewBatchService) private readonly batches: ReviewBatchService) {}

  @Post('batch')
  @HttpCode(200)
  @ApiOperation({
    summary: `Offline sync of thematic and learning reviews (at most ${MAX_BATCH_REVIEWS}), applied in answeredAt order; idempotent per reviewId; one result per item, in the request's order`,
  })
  @ApiOkResponse({ type: ReviewBatchResultDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: an item is malformed (nothing is applied)' })
  @ApiPayloadTooLargeResponse({ description: `BATCH_TOO_LARGE: more than ${MAX_BATCH_REVIEWS} reviews` })
  sync(@CurrentPrincipal() principal: Principal, @Body() body: ReviewBatchBodyDto, @Query() query: ReviewBatchQueryDto): Promise<ReviewBatchResult> {
    return this.batches.sync(principal.userId, body, query.lang);
  }
}
