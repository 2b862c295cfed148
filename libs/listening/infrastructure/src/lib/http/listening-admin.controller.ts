import { Body, Controller, HttpCode, Inject, Param, Post, Put, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { Roles } from '@tall/platform/auth';
import { createZodDto } from '@tall/platform/http';
import { CompleteUploadCommand, CreateUploadCommand, SaveVideoCommand } from '@tall/listening/application';
import {
  AdminVideoSchema,
  CreateUploadBodySchema,
  UploadParamsSchema,
  UploadTicketSchema,
  VideoDefinitionBodySchema,
  VideoParamsSchema,
  type AdminVideo,
  type UploadTicket,
} from '@tall/listening/contracts';
import { ListeningErrorMapper } from './listening-error.mapper';

class AdminVideoParamsDto extends createZodDto(VideoParamsSchema) {}
class VideoDefinitionDto extends createZodDto(VideoDefinitionBodySchema) {}
class AdminVideoDto extends createZodDto(AdminVideoSchema) {}
class CreateUploadDto extends createZodDto(CreateUploadBodySchema) {}
class UploadTicketDto extends createZodDto(UploadTicketSchema) {}
class UploadParamsDto extends createZodDto(UploadParamsSchema) {}

/**
 * Putting videos in the library: their description and questions, and their media through
 * pre-signed uploads straight to storage (create → PUT → complete). The admin context's editing
 * workflow will call the same use cases; until then these routes serve the seed and admins.
 */
@ApiTags('listening admin')
@Controller('listening/admin')
@Roles('EDU_ADMIN', 'TECH_ADMIN')
@UseInterceptors(ListeningErrorMapper)
export class ListeningAdminController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Put('videos/:id')
  @ApiOperation({ summary: 'Create a video or change its description and timed questions (with their answers); its media stay' })
  @ApiOkResponse({ type: AdminVideoDto })
  @ApiUnprocessableEntityResponse({ description: 'INVALID_VIDEO: a question after the end, twice, or with its answer outside its options' })
  saveVideo(@Param() params: AdminVideoParamsDto, @Body() body: VideoDefinitionDto): Promise<AdminVideo> {
    return this.commands.execute(new SaveVideoCommand(params.id, body));
  }

  @Post('videos/:id/uploads')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Plan an upload of the film (video/mp4), the poster (image/jpeg, png or webp) or subtitles (text/vtt, with lang): a pre-signed PUT straight to storage',
    description: 'PUT the file to url with exactly the headers given, then complete the upload.',
  })
  @ApiCreatedResponse({ type: UploadTicketDto })
  @ApiNotFoundResponse({ description: 'VIDEO_NOT_FOUND' })
  @ApiUnsupportedMediaTypeResponse({ description: 'UNSUPPORTED_TYPE: not a type of this kind of media' })
  @ApiPayloadTooLargeResponse({ description: 'TOO_LARGE' })
  @ApiUnprocessableEntityResponse({ description: 'INVALID_UPLOAD: subtitles without a language, or a language on other media' })
  createUpload(@Param() params: AdminVideoParamsDto, @Body() body: CreateUploadDto): Promise<UploadTicket> {
    return this.commands.execute(new CreateUploadCommand(params.id, body));
  }

  @Post('videos/:id/uploads/:uploadId/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'The file is in storage: checked there (type and size as announced) and put in place; with film, poster and Dutch subtitles the video is listed' })
  @ApiOkResponse({ type: AdminVideoDto })
  @ApiNotFoundResponse({ description: 'VIDEO_NOT_FOUND or UPLOAD_NOT_FOUND' })
  @ApiConflictResponse({ description: 'UPLOAD_NOT_RECEIVED: nothing in storage yet' })
  @ApiUnprocessableEntityResponse({ description: 'UPLOAD_MISMATCH: another type or size than announced' })
  completeUpload(@Param() params: UploadParamsDto): Promise<AdminVideo> {
    return this.commands.execute(new CompleteUploadCommand(params.id, params.uploadId));
  }
}
