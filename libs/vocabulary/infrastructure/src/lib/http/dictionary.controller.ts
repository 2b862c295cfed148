import { Controller, Get, Inject, Param, Query, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal } from '@tall/platform/auth';
import { createZodDto } from '@tall/platform/http';
import { ListTopicsQuery, ListTopicWordsQuery } from '@tall/vocabulary/application';
import {
  DictionaryWordSchema,
  TopicListQuerySchema,
  TopicParamsSchema,
  TopicSummarySchema,
  type DictionaryWordView,
  type TopicSummary,
} from '@tall/vocabulary/contracts';
import { VocabularyErrorMapper } from './vocabulary-error.mapper';

export class TopicListQueryDto extends createZodDto(TopicListQuerySchema) {}
export class TopicParamsDto extends createZodDto(TopicParamsSchema) {}
class TopicSummaryDto extends createZodDto(TopicSummarySchema) {}
class DictionaryWordDto extends createZodDto(DictionaryWordSchema) {}

@ApiTags('vocabulary')
@Controller('vocabulary/topics')
@Authenticated()
@UseInterceptors(VocabularyErrorMapper)
export class DictionaryController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: "The dictionary's topics (optionally of one CEFR level) with their word counts; a student also gets their own figures per topic" })
  @ApiOkResponse({ type: TopicSummaryDto, isArray: true })
  topics(@CurrentPrincipal() principal: Principal, @Query() query: TopicListQueryDto): Promise<TopicSummary[]> {
    return this.queries.execute(new ListTopicsQuery(principal, query));
  }

  @Get(':id/words')
  @ApiOperation({ summary: "A topic's words in its order (any signed-in role); a student also sees their box per word" })
  @ApiOkResponse({ type: DictionaryWordDto, isArray: true })
  @ApiNotFoundResponse({ description: 'TOPIC_NOT_FOUND' })
  words(@CurrentPrincipal() principal: Principal, @Param() params: TopicParamsDto): Promise<DictionaryWordView[]> {
    return this.queries.execute(new ListTopicWordsQuery(principal, params.id));
  }
}
