import {
  ActiveDevices,
  AnswerQuestionHandler,
  CompleteUploadHandler,
  CreateUploadHandler,
  GetVideoHandler,
  IssueContentKeyHandler,
  ListVideosHandler,
  MediaLinks,
  ReadyVideos,
  RegisterDeviceHandler,
  RevokeDeviceHandler,
  SaveVideoHandler,
  SaveVideoPositionHandler,
  VideoChanges,
  type ContentKeyVault,
  type ListeningSettings,
  type MediaStorage,
  type StudentListeningStore,
  type VideoStore,
} from '@tall/listening/application';
import { listeningSettings } from '../listening.module';

/** The listening use cases on the given adapters, wired as the module wires them (without Nest). */
export function listeningHandlers(adapters: { videos: VideoStore; students: StudentListeningStore; media: MediaStorage; vault: ContentKeyVault; settings?: ListeningSettings; clock?: () => Date }) {
  const { videos, students, media, vault } = adapters;
  const settings = adapters.settings ?? listeningSettings({});
  const clock = adapters.clock ?? (() => new Date());
  const ready = new ReadyVideos(videos);
  const links = new MediaLinks(media, settings);
  const changes = new VideoChanges(videos);
  const devices = new ActiveDevices(students);
  return {
    listVideos: new ListVideosHandler(videos, students, links, settings, clock),
    getVideo: new GetVideoHandler(ready, students, links),
    answer: new AnswerQuestionHandler(ready, students, clock),
    savePosition: new SaveVideoPositionHandler(ready, students, clock),
    registerDevice: new RegisterDeviceHandler(students, vault, clock),
    issueContentKey: new IssueContentKeyHandler(devices, vault, clock),
    revokeDevice: new RevokeDeviceHandler(devices, students, clock),
    saveVideo: new SaveVideoHandler(changes, clock),
    createUpload: new CreateUploadHandler(changes, media, settings, clock),
    completeUpload: new CompleteUploadHandler(videos, changes, media, clock),
  };
}
