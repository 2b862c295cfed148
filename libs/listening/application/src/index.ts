import { ActiveDevices } from './lib/devices/active-devices';
import { IssueContentKeyHandler } from './lib/devices/issue-content-key/issue-content-key.handler';
import { RegisterDeviceHandler } from './lib/devices/register-device/register-device.handler';
import { RevokeDeviceHandler } from './lib/devices/revoke-device/revoke-device.handler';
import { CompleteUploadHandler } from './lib/media/complete-upload/complete-upload.handler';
import { CreateUploadHandler } from './lib/media/create-upload/create-upload.handler';
import { SaveVideoHandler } from './lib/media/save-video/save-video.handler';
import { VideoChanges } from './lib/media/video-changes';
import { EraseListeningDataHandler } from './lib/user-data/erase-listening-data/erase-listening-data.handler';
import { ExportListeningDataHandler } from './lib/user-data/export-listening-data/export-listening-data.handler';
import { GetVideoHandler } from './lib/videos/get-video/get-video.handler';
import { ListVideosHandler } from './lib/videos/list-videos/list-videos.handler';
import { MediaLinks } from './lib/videos/media-links';
import { ReadyVideos } from './lib/videos/ready-videos';
import { AnswerQuestionHandler } from './lib/viewing/answer-question/answer-question.handler';
import { SaveVideoPositionHandler } from './lib/viewing/save-position/save-position.handler';

export * from './lib/listening-error';
export * from './lib/ports/video-store.port';
export * from './lib/ports/student-listening-store.port';
export * from './lib/ports/media-storage.port';
export * from './lib/ports/content-key-vault.port';
export * from './lib/ports/listening-settings.port';
export { MAX_ACTIVE_DEVICES } from './lib/devices/register-device/register-device.handler';
export { MAX_PENDING_UPLOADS } from './lib/media/create-upload/create-upload.handler';

export * from './lib/videos/list-videos/list-videos.query';
export * from './lib/videos/get-video/get-video.query';
export * from './lib/viewing/answer-question/answer-question.command';
export * from './lib/viewing/save-position/save-position.command';
export * from './lib/devices/register-device/register-device.command';
export * from './lib/devices/issue-content-key/issue-content-key.command';
export * from './lib/devices/revoke-device/revoke-device.command';
export * from './lib/media/save-video/save-video.command';
export * from './lib/media/create-upload/create-upload.command';
export * from './lib/media/complete-upload/complete-upload.command';
export * from './lib/user-data/export-listening-data/export-listening-data.query';
export * from './lib/user-data/erase-listening-data/erase-listening-data.command';

export {
  ActiveDevices,
  MediaLinks,
  ReadyVideos,
  VideoChanges,
  ListVideosHandler,
  GetVideoHandler,
  ExportListeningDataHandler,
  AnswerQuestionHandler,
  SaveVideoPositionHandler,
  RegisterDeviceHandler,
  IssueContentKeyHandler,
  RevokeDeviceHandler,
  SaveVideoHandler,
  CreateUploadHandler,
  CompleteUploadHandler,
  EraseListeningDataHandler,
};

/** Services the handlers share. */
export const listeningCollaborators = [ReadyVideos, MediaLinks, ActiveDevices, VideoChanges];
export const listeningQueryHandlers = [ListVideosHandler, GetVideoHandler, ExportListeningDataHandler];
export const listeningCommandHandlers = [
  AnswerQuestionHandler,
  SaveVideoPositionHandler,
  RegisterDeviceHandler,
  IssueContentKeyHandler,
  RevokeDeviceHandler,
  SaveVideoHandler,
  CreateUploadHandler,
  CompleteUploadHandler,
  EraseListeningDataHandler,
];
