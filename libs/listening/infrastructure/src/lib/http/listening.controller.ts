import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
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
  AnswerQuestionCommand,
  GetVideoQuery,
  IssueContentKeyCommand,
  ListVideosQuery,
  MAX_ACTIVE_DEVICES,
  RegisterDeviceCommand,
  RevokeDeviceCommand,
  SaveVideoPositionCommand,
} from '@tall/listening/application';
import {
  ContentKeySchema,
  DeviceParamsSchema,
  DeviceSchema,
  RegisterDeviceBodySchema,
  VideoAnswerBodySchema,
  VideoAnswerResultSchema,
  VideoListQuerySchema,
  VideoListSchema,
  VideoParamsSchema,
  VideoPositionBodySchema,
  VideoSchema,
  ViewingPositionSchema,
  type ContentKey,
  type Device,
  type VideoAnswerResult,
  type VideoList,
  type VideoView,
  type ViewingPosition,
} from '@tall/listening/contracts';
import { ListeningErrorMapper } from './listening-error.mapper';

class VideoListQueryDto extends createZodDto(VideoListQuerySchema) {}
class VideoListDto extends createZodDto(VideoListSchema) {}
class VideoParamsDto extends createZodDto(VideoParamsSchema) {}
class VideoDto extends createZodDto(VideoSchema) {}
class VideoAnswerDto extends createZodDto(VideoAnswerBodySchema) {}
class VideoAnswerResultDto extends createZodDto(VideoAnswerResultSchema) {}
class VideoPositionDto extends createZodDto(VideoPositionBodySchema) {}
class ViewingPositionDto extends createZodDto(ViewingPositionSchema) {}
class RegisterDeviceDto extends createZodDto(RegisterDeviceBodySchema) {}
class DeviceDto extends createZodDto(DeviceSchema) {}
class DeviceParamsDto extends createZodDto(DeviceParamsSchema) {}
class ContentKeyDto extends createZodDto(ContentKeySchema) {}

/**
 * Listening for the signed-in student: videos with timed questions graded on the server, the
 * position to resume from, and the content keys of devices that keep videos offline. Media are
 * reached only through short-lived pre-signed URLs: no video passes through the API.
 */
@ApiTags('listening')
@Controller('listening')
@Roles('STUDENT')
@UseInterceptors(ListeningErrorMapper)
export class ListeningController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get('videos')
  @ApiOperation({ summary: 'The videos whose media are in place, by level and title, each with a pre-signed poster URL and the student’s position' })
  @ApiOkResponse({ type: VideoListDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: VideoListQueryDto): Promise<VideoList> {
    return this.queries.execute(new ListVideosQuery(principal.userId, query));
  }

  @Get('videos/:id')
  @ApiOperation({
    summary: 'A video to play: pre-signed, short-lived URLs of the film (range requests work), poster and WebVTT subtitles; the timed questions without answers; where to resume',
    description: 'The URLs stop working at urlsExpireAt (10 minutes by default, at most 15): fetch the video again for new ones.',
  })
  @ApiOkResponse({ type: VideoDto })
  @ApiNotFoundResponse({ description: 'VIDEO_NOT_FOUND' })
  get(@CurrentPrincipal() principal: Principal, @Param() params: VideoParamsDto): Promise<VideoView> {
    return this.queries.execute(new GetVideoQuery(principal.userId, params.id));
  }

  @Post('videos/:id/answers')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Answer a timed question (answer null: skipped); the server grades it and answers with the expected answer (video.answered)',
    description: 'Answers: the option’s index (multiple choice), true/false, or a few words (short answer: case, spaces, apostrophes and a closing full stop forgiven).',
  })
  @ApiOkResponse({ type: VideoAnswerResultDto })
  @ApiNotFoundResponse({ description: 'VIDEO_NOT_FOUND or QUESTION_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'INVALID_ANSWER (an answer of the wrong kind) or POSITION_OUT_OF_RANGE' })
  answer(@CurrentPrincipal() principal: Principal, @Param() params: VideoParamsDto, @Body() body: VideoAnswerDto): Promise<VideoAnswerResult> {
    return this.commands.execute(new AnswerQuestionCommand(principal.userId, params.id, body));
  }

  @Put('videos/:id/position')
  @ApiOperation({
    summary: 'Save where the player is, adding the seconds watched since the last report',
    description: 'A first report (or one after 30 minutes away) is video.started; the watching time goes out as video.progressed at most every 5 minutes; the end once as video.completed.',
  })
  @ApiOkResponse({ type: ViewingPositionDto })
  @ApiNotFoundResponse({ description: 'VIDEO_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'POSITION_OUT_OF_RANGE: past the video’s end' })
  savePosition(@CurrentPrincipal() principal: Principal, @Param() params: VideoParamsDto, @Body() body: VideoPositionDto): Promise<ViewingPosition> {
    return this.commands.execute(new SaveVideoPositionCommand(principal.userId, params.id, body));
  }

  @Post('devices')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Register a device that keeps videos offline, by its RSA-OAEP (SHA-256) public key as a JWK',
    description: `The key: kty RSA, alg RSA-OAEP-256, e AQAB, a modulus of 2048 to 4096 bits; no private members. At most ${MAX_ACTIVE_DEVICES} devices at once.`,
  })
  @ApiCreatedResponse({ type: DeviceDto })
  @ApiUnprocessableEntityResponse({ description: 'DEVICE_KEY_REJECTED: not an RSA key of 2048 to 4096 bits' })
  @ApiConflictResponse({ description: 'TOO_MANY_DEVICES' })
  registerDevice(@CurrentPrincipal() principal: Principal, @Body() body: RegisterDeviceDto): Promise<Device> {
    return this.commands.execute(new RegisterDeviceCommand(principal.userId, body));
  }

  @Post('devices/:deviceId/content-key')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The device’s 256-bit content key (AES-256-GCM for its offline videos), wrapped with its public key (RSA-OAEP, SHA-256)',
    description: 'The same key every time for the same device, freshly wrapped.',
  })
  @ApiOkResponse({ type: ContentKeyDto })
  @ApiNotFoundResponse({ description: 'DEVICE_NOT_FOUND: no such device of this student' })
  @ApiGoneResponse({ description: 'DEVICE_REVOKED: register the device anew' })
  contentKey(@CurrentPrincipal() principal: Principal, @Param() params: DeviceParamsDto): Promise<ContentKey> {
    return this.commands.execute(new IssueContentKeyCommand(principal.userId, params.deviceId));
  }

  @Delete('devices/:deviceId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a device: its content key is destroyed, and the device gets none again' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'DEVICE_NOT_FOUND' })
  @ApiGoneResponse({ description: 'DEVICE_REVOKED: revoked already' })
  async revokeDevice(@CurrentPrincipal() principal: Principal, @Param() params: DeviceParamsDto): Promise<void> {
    await this.commands.execute(new RevokeDeviceCommand(principal.userId, params.deviceId));
  }
}
