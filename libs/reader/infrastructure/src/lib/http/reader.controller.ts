import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query, Req, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ZodValidationPipe } from 'nestjs-zod';
import { CurrentPrincipal, Roles, type Principal } from '@tall/platform/auth';
import { ApiError, createZodDto } from '@tall/platform/http';
import {
  DeleteOwnTextCommand,
  GetTestQuery,
  ImportTextCommand,
  ListTextsQuery,
  OpenTextCommand,
  ReaderError,
  SavePositionCommand,
  SaveWordCommand,
  SetWordStateCommand,
  SubmitAttemptCommand,
} from '@tall/reader/application';
import {
  AttemptBodySchema,
  AttemptResultSchema,
  PasteTextBodySchema,
  PositionBodySchema,
  ReaderTestSchema,
  ReaderTextQuerySchema,
  ReaderTextSchema,
  ReadingPositionSchema,
  SavedWordSchema,
  SaveWordBodySchema,
  TextListQuerySchema,
  TextListSchema,
  TextParamsSchema,
  TextSummarySchema,
  WordStateBodySchema,
  WordStateResultSchema,
  type AttemptResult,
  type PasteTextBody,
  type ReaderTest,
  type ReaderText,
  type ReadingPosition,
  type SavedWord,
  type SaveWordBody,
  type TextList,
  type TextSummary,
  type WordStateBody,
} from '@tall/reader/contracts';
import { MAX_IMPORT_BYTES } from '../import/text-import';
import { ReaderErrorMapper } from './reader-error.mapper';

class TextListQueryDto extends createZodDto(TextListQuerySchema) {}
class TextListDto extends createZodDto(TextListSchema) {}
class TextParamsDto extends createZodDto(TextParamsSchema) {}
class ReaderTextQueryDto extends createZodDto(ReaderTextQuerySchema) {}
class ReaderTextDto extends createZodDto(ReaderTextSchema) {}
class TextSummaryDto extends createZodDto(TextSummarySchema) {}
class PasteTextDto extends createZodDto(PasteTextBodySchema) {}
// Unions: see AddMyWordDto in vocabulary (the pipe checks the body; the document shows oneOf).
class WordStateDto extends (createZodDto(WordStateBodySchema) as new () => object) {}
class WordStateResultDto extends createZodDto(WordStateResultSchema) {}
class SaveWordDto extends (createZodDto(SaveWordBodySchema) as new () => object) {}
class SavedWordDto extends createZodDto(SavedWordSchema) {}
class PositionDto extends createZodDto(PositionBodySchema) {}
class ReadingPositionDto extends createZodDto(ReadingPositionSchema) {}
class ReaderTestDto extends createZodDto(ReaderTestSchema) {}
class AttemptDto extends createZodDto(AttemptBodySchema) {}
class AttemptResultDto extends createZodDto(AttemptResultSchema) {}

const pasteBody = new ZodValidationPipe(PasteTextDto);
const TITLE_FIELD_MAX = 200;

/**
 * The reader of the signed-in student: the library and their own texts, reading with word
 * states, saving words to the learning cards, the reading position, and comprehension tests.
 */
@ApiTags('reader')
@Controller('reader')
@Roles('STUDENT')
@UseInterceptors(ReaderErrorMapper)
@ApiExtraModels(PasteTextDto)
export class ReaderController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get('texts')
  @ApiOperation({
    summary: 'The texts the student may read: their own (newest first), then the library by level and title',
    description: 'knownPercent is the share of the text’s words the student marked known or ignored; minKnown filters on it.',
  })
  @ApiOkResponse({ type: TextListDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: TextListQueryDto): Promise<TextList> {
    return this.queries.execute(new ListTextsQuery(principal.userId, query));
  }

  @Get('texts/:id')
  @ApiOperation({
    summary: 'A text as paragraphs → sentences → tokens, each word with the student’s state, the statistics, the position and glosses of its words',
    description: 'Opening a text is published as text.opened, once per reading session (again after 30 minutes away).',
  })
  @ApiOkResponse({ type: ReaderTextDto })
  @ApiNotFoundResponse({ description: 'TEXT_NOT_FOUND: no such text, or another student’s own text' })
  open(@CurrentPrincipal() principal: Principal, @Param() params: TextParamsDto, @Query() query: ReaderTextQueryDto): Promise<ReaderText> {
    return this.commands.execute(new OpenTextCommand(principal.userId, params.id, query.lang ?? 'en'));
  }

  @Post('texts')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Import a text: JSON {title, body} (pasted), or multipart/form-data with a file (.txt, .epub, .srt, .vtt) and an optional title',
    description: `The text is cleaned (encoding detected, markup and subtitle timings removed; an EPUB's chapters become sections). Files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB; JSON bodies up to the API's body limit.`,
    requestBody: {
      required: true,
      content: {
        'application/json': { schema: { $ref: getSchemaPath(PasteTextDto) } },
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['file'],
            additionalProperties: false,
            properties: {
              title: { type: 'string', minLength: 1, maxLength: TITLE_FIELD_MAX, description: 'Sent before the file; default: the file’s name or the book’s title' },
              file: { type: 'string', format: 'binary' },
            },
          },
        },
      },
    },
  })
  @ApiCreatedResponse({ type: TextSummaryDto })
  @ApiPayloadTooLargeResponse({ description: 'TOO_LARGE: the file or its text is too large' })
  @ApiUnsupportedMediaTypeResponse({ description: 'UNSUPPORTED_TYPE: not a .txt, .epub, .srt or .vtt file (or UNSUPPORTED_MEDIA_TYPE: another body type)' })
  @ApiUnprocessableEntityResponse({ description: 'BROKEN_FILE or EMPTY_TEXT, with the reason' })
  async importText(@CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<TextSummary> {
    if (request.isMultipart()) return this.commands.execute(new ImportTextCommand(principal.userId, { kind: 'file', ...(await uploadedFile(request)) }));
    // Fastify reads text/plain too; this route takes JSON or a form with a file only.
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send JSON {title, body}, or multipart/form-data with a file');
    }
    const body = (await pasteBody.transform(request.body, { type: 'body', metatype: PasteTextDto })) as PasteTextBody;
    return this.commands.execute(new ImportTextCommand(principal.userId, { kind: 'pasted', title: body.title, body: body.body }));
  }

  @Delete('texts/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a text the student imported, and their position in it' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'NOT_YOUR_TEXT: a library text' })
  @ApiNotFoundResponse({ description: 'TEXT_NOT_FOUND' })
  async delete(@CurrentPrincipal() principal: Principal, @Param() params: TextParamsDto): Promise<void> {
    await this.commands.execute(new DeleteOwnTextCommand(principal.userId, params.id));
  }

  @Put('words/state')
  @ApiOperation({
    summary: 'Mark a word new, learning, known or ignored, in every text: {wordId, state} for a dictionary word, {lemma, state} for any word',
  })
  @ApiOkResponse({ type: WordStateResultDto })
  @ApiNotFoundResponse({ description: 'WORD_NOT_FOUND: no dictionary word has this id' })
  setState(@CurrentPrincipal() principal: Principal, @Body() body: WordStateDto): Promise<{ key: string; state: WordStateBody['state'] }> {
    return this.commands.execute(new SetWordStateCommand(principal.userId, body as WordStateBody));
  }

  @Post('texts/:id/saved-words')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Save a word of the text to the student’s learning cards, with its sentence as context (reader.word.saved)',
    description: 'Once per word and student: saving it again answers the first save with alreadySaved: true. The word then shows in GET /vocabulary/my-words.',
  })
  @ApiCreatedResponse({ type: SavedWordDto })
  @ApiNotFoundResponse({ description: 'TEXT_NOT_FOUND or WORD_NOT_FOUND' })
  async saveWord(@CurrentPrincipal() principal: Principal, @Param() params: TextParamsDto, @Body() body: SaveWordDto): Promise<SavedWord> {
    const saved = await this.commands.execute(new SaveWordCommand(principal.userId, params.id, body as SaveWordBody));
    return saved.word;
  }

  @Put('texts/:id/position')
  @ApiOperation({
    summary: 'Save where the student is in the text, adding the seconds read since the last report',
    description: 'Reaching the last paragraph finishes the text (text.finished, once); the reading time goes out as text.progressed at most every 5 minutes.',
  })
  @ApiOkResponse({ type: ReadingPositionDto })
  @ApiNotFoundResponse({ description: 'TEXT_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'POSITION_OUT_OF_RANGE: the text has no such paragraph or sentence' })
  savePosition(@CurrentPrincipal() principal: Principal, @Param() params: TextParamsDto, @Body() body: PositionDto): Promise<ReadingPosition> {
    return this.commands.execute(new SavePositionCommand(principal.userId, params.id, body));
  }

  @Get('texts/:id/test')
  @ApiOperation({ summary: 'The text’s comprehension test without its answers, and the student’s earlier attempts' })
  @ApiOkResponse({ type: ReaderTestDto })
  @ApiNotFoundResponse({ description: 'TEXT_NOT_FOUND or TEST_NOT_FOUND' })
  test(@CurrentPrincipal() principal: Principal, @Param() params: TextParamsDto): Promise<ReaderTest> {
    return this.queries.execute(new GetTestQuery(principal.userId, params.id));
  }

  @Post('texts/:id/test/attempts')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Hand in the test; the server grades it and answers the score with each question’s expected answer (test.completed)',
    description: 'Answers: the option’s index (multiple choice), true/false, a short text, or the events in order. Unanswered questions count as wrong.',
  })
  @ApiCreatedResponse({ type: AttemptResultDto })
  @ApiNotFoundResponse({ description: 'TEXT_NOT_FOUND or TEST_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'INVALID_ANSWER: a question the test lacks, answered twice, or an answer of the wrong kind' })
  submit(@CurrentPrincipal() principal: Principal, @Param() params: TextParamsDto, @Body() body: AttemptDto): Promise<AttemptResult> {
    return this.commands.execute(new SubmitAttemptCommand(principal.userId, params.id, body));
  }
}

/** The `file` part (and a `title` field) of a multipart import, read into memory up to the import limit. */
async function uploadedFile(request: FastifyRequest): Promise<{ name: string; bytes: Buffer; title?: string }> {
  let file: { name: string; bytes: Buffer } | undefined;
  let title: string | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 4, fieldSize: 4 * TITLE_FIELD_MAX } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw invalidUpload(`Send the file in the part named file, not ${part.fieldname}`);
        file = { name: part.filename || 'upload', bytes: await part.toBuffer() };
      } else if (part.fieldname === 'title' && typeof part.value === 'string') {
        title = part.value.trim().slice(0, TITLE_FIELD_MAX) || undefined;
      }
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new ReaderError('TOO_LARGE', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw invalidUpload('Send one file, and at most a title besides it');
    // Everything else the multipart reader throws is about the body it was sent: no boundary, a
    // body cut off, busboy stopping at a limit (a premature close), a prototype key as a name.
    throw invalidUpload(`The multipart body cannot be read (${error instanceof Error ? error.message : String(error)}): send one file, and at most a title besides it`);
  }
  if (!file) throw invalidUpload('Send the text as a file in the part named file');
  return { ...file, ...(title ? { title } : {}) };
}

function invalidUpload(message: string): ApiError {
  return new ApiError(400, 'VALIDATION_FAILED', message, { fields: [{ field: 'file', code: 'invalid_upload', message }] });
}
