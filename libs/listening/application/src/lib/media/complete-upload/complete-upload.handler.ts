import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AdminVideo } from '@tall/listening/contracts';
import { uploadMismatch, type MediaObject, type Video, type VideoMedia } from '@tall/listening/domain';
import { ListeningError, listeningErrors } from '../../listening-error';
import { LISTENING_CLOCK, type ListeningClock } from '../../ports/listening-settings.port';
import { MEDIA_STORAGE, type MediaStorage } from '../../ports/media-storage.port';
import { VIDEO_STORE, type VideoStore } from '../../ports/video-store.port';
import { adminVideoOf } from '../admin-views';
import { VideoChanges } from '../video-changes';
import { CompleteUploadCommand } from './complete-upload.command';

/**
 * Asks storage what arrived (HeadObject): the type and size announced, or the upload is refused.
 * Then the file replaces the video's media of its kind; with film, poster and Dutch subtitles in
 * place the video is listed. Completing an upload twice is harmless. Files replaced stay in
 * storage: URLs handed out for them may still be in use.
 */
@CommandHandler(CompleteUploadCommand)
export class CompleteUploadHandler implements ICommandHandler<CompleteUploadCommand> {
  constructor(
    @Inject(VIDEO_STORE) private readonly videos: VideoStore,
    @Inject(VideoChanges) private readonly changes: VideoChanges,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @Inject(LISTENING_CLOCK) private readonly clock: ListeningClock,
  ) {}

  async execute({ videoId, uploadId }: CompleteUploadCommand): Promise<AdminVideo> {
    const video = await this.videos.get(videoId);
    if (!video) throw listeningErrors.videoNotFound();
    const upload = video.uploads.find((candidate) => candidate.uploadId === uploadId);
    if (!upload) {
      if (mediaObjects(video.media).some((object) => object.key.includes(uploadId))) return adminVideoOf(video);
      throw listeningErrors.uploadNotFound();
    }
    const stored = await this.storage.head(upload.key);
    if (!stored) throw new ListeningError('UPLOAD_NOT_RECEIVED', 'Nothing arrived in storage for this upload yet: PUT the file to its URL first');
    const mismatch = uploadMismatch(upload, stored);
    if (mismatch) throw new ListeningError('UPLOAD_MISMATCH', `The uploaded file is not the one announced: ${mismatch}`);
    const object: MediaObject = { key: upload.key, contentType: upload.contentType, sizeBytes: stored.sizeBytes, uploadedAt: this.clock() };
    const saved = await this.changes.apply(videoId, (current) => {
      if (!current) throw listeningErrors.videoNotFound();
      const media: VideoMedia =
        upload.kind === 'subtitles'
          ? { ...current.media, subtitles: { ...current.media.subtitles, [upload.lang as string]: object } }
          : { ...current.media, [upload.kind]: object };
      return { ...current, media, uploads: current.uploads.filter((candidate) => candidate.uploadId !== uploadId), updatedAt: object.uploadedAt } satisfies Video;
    });
    return adminVideoOf(saved);
  }
}

function mediaObjects(media: VideoMedia): MediaObject[] {
  return [media.video, media.poster, ...Object.values(media.subtitles)].filter((object): object is MediaObject => object !== null);
}
