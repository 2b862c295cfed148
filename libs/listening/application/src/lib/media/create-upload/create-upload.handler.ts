import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { UploadTicket } from '@tall/listening/contracts';
import { checkPlannedUpload, MediaRejectedError, mediaObjectKey, type PendingUpload } from '@tall/listening/domain';
import { ListeningError, listeningErrors } from '../../listening-error';
import { LISTENING_CLOCK, LISTENING_SETTINGS, type ListeningClock, type ListeningSettings } from '../../ports/listening-settings.port';
import { MEDIA_STORAGE, type MediaStorage } from '../../ports/media-storage.port';
import { VideoChanges } from '../video-changes';
import { CreateUploadCommand } from './create-upload.command';

/** Uploads a video keeps open at once; the oldest is forgotten first. */
export const MAX_PENDING_UPLOADS = 20;

const REFUSALS = { unsupportedType: 'UNSUPPORTED_TYPE', tooLarge: 'TOO_LARGE', language: 'INVALID_UPLOAD' } as const;

/**
 * Checks the planned file against its kind's rules (type, size, language), signs a PUT of
 * exactly that type to a key of its own, and remembers the upload until it is completed.
 */
@CommandHandler(CreateUploadCommand)
export class CreateUploadHandler implements ICommandHandler<CreateUploadCommand> {
  constructor(
    @Inject(VideoChanges) private readonly changes: VideoChanges,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @Inject(LISTENING_SETTINGS) private readonly settings: ListeningSettings,
    @Inject(LISTENING_CLOCK) private readonly clock: ListeningClock,
  ) {}

  async execute({ videoId, upload }: CreateUploadCommand): Promise<UploadTicket> {
    let contentType: string;
    try {
      contentType = checkPlannedUpload(upload);
    } catch (error) {
      if (error instanceof MediaRejectedError) throw new ListeningError(REFUSALS[error.reason], error.message);
      throw error;
    }
    const uploadId = randomUUID();
    const lang = upload.lang ?? null;
    const key = mediaObjectKey(videoId, { uploadId, kind: upload.kind, lang, contentType });
    const signed = await this.storage.presignPut(key, contentType, this.settings.uploadTtlSeconds);
    const pending: PendingUpload = { uploadId, kind: upload.kind, lang, key, contentType, sizeBytes: upload.sizeBytes, createdAt: this.clock(), expiresAt: signed.expiresAt };
    await this.changes.apply(videoId, (video) => {
      if (!video) throw listeningErrors.videoNotFound();
      return { ...video, uploads: [...video.uploads, pending].slice(-MAX_PENDING_UPLOADS) };
    });
    return { uploadId, method: 'PUT', url: signed.url, headers: signed.headers, expiresAt: signed.expiresAt.toISOString() };
  }
}
