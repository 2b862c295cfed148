import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  ArchiveContentCommand,
  CreateContentCommand,
  EditContentCommand,
  GetContentHistoryQuery,
  GetContentQuery,
  ListContentQuery,
  PublishContentCommand,
  SubmitContentCommand,
} from '@tall/admin/application';
import {
  ArchiveContentBodySchema,
  ContentHistorySchema,
  ContentItemParamsSchema,
  ContentItemSchema,
  ContentKindParamsSchema,
  ContentListQuerySchema,
  ContentPageSchema,
  CreateContentBodySchema,
  EditContentBodySchema,
  PublishContentBodySchema,
  SubmitContentBodySchema,
  type ContentHistory,
  type ContentItem,
  type ContentPage,
} from '@tall/admin/contracts';
import { CurrentPrincipal, Roles, type Principal } from '@tall/platform/auth';
import { createZodDto } from '@tall/platform/http';
import { AdminErrorMapper } from './admin-error.mapper';

class ContentKindParamsDto extends createZodDto(ContentKindParamsSchema) {}
class ContentItemParamsDto extends createZodDto(ContentItemParamsSchema) {}
class ContentListQueryDto extends createZodDto(ContentListQuerySchema) {}
class ContentPageDto extends createZodDto(ContentPageSchema) {}
class ContentItemDto extends createZodDto(ContentItemSchema) {}
class ContentHistoryDto extends createZodDto(ContentHistorySchema) {}
class CreateContentDto extends createZodDto(CreateContentBodySchema) {}
class EditContentDto extends createZodDto(EditContentBodySchema) {}
class SubmitContentDto extends createZodDto(SubmitContentBodySchema) {}
class PublishContentDto extends createZodDto(PublishContentBodySchema) {}
class ArchiveContentDto extends createZodDto(ArchiveContentBodySchema) {}

const KIND_NOT_AVAILABLE = 'CONTENT_KIND_NOT_AVAILABLE: texts, videos and exercises have no owner contract for editing yet';
const NOT_FOUND = `CONTENT_NOT_FOUND; ${KIND_NOT_AVAILABLE}`;
const CONTENT_INVALID = 'CONTENT_INVALID: the content does not fit its kind’s shape or rules (per field, under `content.`)';
const REFUSED_STEP =
  'CONTENT_CHANGED: the item is no longer at the revision given (reload it); NOT_A_DRAFT, NOT_IN_REVIEW, NOT_PUBLISHED, ALREADY_ARCHIVED: the step does not fit the item’s status';

/**
 * The content workflow for educational and technical admins: drafts, review by a second admin,
 * publishing to the kind's owner (which serves students) and archiving, with every revision's
 * history. Topics and words are the dictionary's (vocabulary).
 */
@ApiTags('admin-content')
@Controller('admin/content')
@Roles('EDU_ADMIN', 'TECH_ADMIN')
@UseInterceptors(AdminErrorMapper)
export class AdminContentController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get(':kind')
  @ApiOperation({ summary: 'A kind’s items by title, filtered by status, words of the title, level and topic, a page at a time' })
  @ApiOkResponse({ type: ContentPageDto })
  @ApiNotFoundResponse({ description: KIND_NOT_AVAILABLE })
  list(@Param() params: ContentKindParamsDto, @Query() query: ContentListQueryDto): Promise<ContentPage> {
    return this.queries.execute(new ListContentQuery(params.kind, query));
  }

  @Post(':kind')
  @HttpCode(201)
  @ApiOperation({ summary: 'A new draft; students get nothing of it until it is published', description: 'The content is checked against its owner’s shape and rules: 422 CONTENT_INVALID with per-field details (`content.…`) when it does not fit.' })
  @ApiCreatedResponse({ type: ContentItemDto })
  @ApiNotFoundResponse({ description: KIND_NOT_AVAILABLE })
  @ApiUnprocessableEntityResponse({ description: CONTENT_INVALID })
  create(@CurrentPrincipal() principal: Principal, @Param() params: ContentKindParamsDto, @Body() body: CreateContentDto): Promise<ContentItem> {
    return this.commands.execute(new CreateContentCommand(principal.userId, params.kind, body.content));
  }

  @Get(':kind/:id')
  @ApiOperation({ summary: 'An item with its working copy' })
  @ApiOkResponse({ type: ContentItemDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@Param() params: ContentItemParamsDto): Promise<ContentItem> {
    return this.queries.execute(new GetContentQuery(params.kind, params.id));
  }

  @Patch(':kind/:id')
  @ApiOperation({
    summary: 'The whole new working copy, from the revision the editor started from; the item becomes a draft',
    description: 'Editing a published or archived item opens a draft; students keep the published version until the draft is published.',
  })
  @ApiOkResponse({ type: ContentItemDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'CONTENT_CHANGED: someone saved another revision since' })
  @ApiUnprocessableEntityResponse({ description: CONTENT_INVALID })
  edit(@CurrentPrincipal() principal: Principal, @Param() params: ContentItemParamsDto, @Body() body: EditContentDto): Promise<ContentItem> {
    return this.commands.execute(new EditContentCommand(principal.userId, params.kind, params.id, body.content, body.revision));
  }

  @Post(':kind/:id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a draft to review' })
  @ApiOkResponse({ type: ContentItemDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: REFUSED_STEP })
  submit(@CurrentPrincipal() principal: Principal, @Param() params: ContentItemParamsDto, @Body() body: SubmitContentDto): Promise<ContentItem> {
    return this.commands.execute(new SubmitContentCommand(principal.userId, params.kind, params.id, body.revision));
  }

  @Post(':kind/:id/publish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish an item in review: its owner serves it to students as a new version (content.updated)',
    description: 'By another admin than the one who submitted it, or by that admin with `override.reason`, which the history keeps.',
  })
  @ApiOkResponse({ type: ContentItemDto })
  @ApiForbiddenResponse({ description: 'SECOND_ADMIN_REQUIRED: you submitted it; another admin publishes it, or you give an override with a reason' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: `${REFUSED_STEP}; DUPLICATE_CONTENT: a topic's slug or a word's lemma and part of speech in its topic is taken; STALE_VERSION` })
  @ApiUnprocessableEntityResponse({ description: 'TOPIC_NOT_FOUND: the word’s topic does not exist' })
  publish(@CurrentPrincipal() principal: Principal, @Param() params: ContentItemParamsDto, @Body() body: PublishContentDto): Promise<ContentItem> {
    return this.commands.execute(new PublishContentCommand(principal.userId, params.kind, params.id, body));
  }

  @Post(':kind/:id/archive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archive what students get: nothing new offers it, running sessions keep it (content.updated)' })
  @ApiOkResponse({ type: ContentItemDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: REFUSED_STEP })
  archive(@CurrentPrincipal() principal: Principal, @Param() params: ContentItemParamsDto, @Body() body: ArchiveContentDto): Promise<ContentItem> {
    return this.commands.execute(new ArchiveContentCommand(principal.userId, params.kind, params.id, body.revision));
  }

  @Get(':kind/:id/history')
  @ApiOperation({ summary: 'Every revision of the item, oldest first: action, admin, time, status, version, the content’s changes and any override' })
  @ApiOkResponse({ type: ContentHistoryDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  history(@Param() params: ContentItemParamsDto): Promise<ContentHistory> {
    return this.queries.execute(new GetContentHistoryQuery(params.kind, params.id));
  }
}
