import type { CreateUploadBody } from '@tall/listening/contracts';
import { listeningFixture, refusalOf, videoWithoutMedia, type ListeningFixture } from '../../../test-support/listening-fixture';
import { CreateUploadCommand } from '../create-upload/create-upload.command';
import { CreateUploadHandler } from '../create-upload/create-upload.handler';
import { CompleteUploadCommand } from './complete-upload.command';
import { CompleteUploadHandler } from './complete-upload.handler';

describe('CompleteUploadHandler', () => {
  let fixture: ListeningFixture;
  const create = (upload: CreateUploadBody, videoId = 'markt') =>
    new CreateUploadHandler(fixture.changes, fixture.storage, fixture.settings, fixture.clock.read).execute(new CreateUploadCommand(videoId, upload));
  const complete = (uploadId: string, videoId = 'markt') =>
    new CompleteUploadHandler(fixture.videos, fixture.changes, fixture.storage, fixture.clock.read).execute(new CompleteUploadCommand(videoId, uploadId));
  const keyOf = (uploadId: string) => fixture.storage.signed.find((signed) => signed.method === 'PUT' && signed.key.includes(uploadId))?.key as string;
  /** Creates the upload, PUTs a file of the announced type and size (as a client would, to storage), and completes it. */
  const upload = async (planned: CreateUploadBody) => {
    const ticket = await create(planned);
    fixture.storage.put(keyOf(ticket.uploadId), ticket.headers['content-type'], planned.sizeBytes);
    return complete(ticket.uploadId);
  };

  beforeEach(() => {
    fixture = listeningFixture();
    fixture.videos.add(videoWithoutMedia({ id: 'markt' }));
  });

  it('lists the video once film, poster and Dutch subtitles are uploaded and checked', async () => {
    expect(await upload({ kind: 'video', contentType: 'video/mp4', sizeBytes: 300_000 })).toMatchObject({ mediaReady: false, media: { video: true, poster: false, subtitles: [] } });
    expect(await upload({ kind: 'subtitles', lang: 'en', contentType: 'text/vtt', sizeBytes: 500 })).toMatchObject({ mediaReady: false, media: { subtitles: ['en'] } });
    expect(await upload({ kind: 'poster', contentType: 'image/jpeg', sizeBytes: 20_000 })).toMatchObject({ mediaReady: false });
    const done = await upload({ kind: 'subtitles', lang: 'nl', contentType: 'text/vtt', sizeBytes: 600 });
    expect(done).toMatchObject({ mediaReady: true, media: { video: true, poster: true, subtitles: ['nl', 'en'] } });
    const stored = await fixture.videos.get('markt');
    expect(stored?.uploads).toEqual([]);
    expect(stored?.media.video).toEqual({ key: expect.stringMatching(/^listening\/videos\/markt\/video-.+\.mp4$/), contentType: 'video/mp4', sizeBytes: 300_000, uploadedAt: fixture.clock.now });
    expect((await fixture.videos.list({ readyOnly: true })).map((video) => video.id)).toEqual(['markt']);
  });

  it('replaces media of the same kind with a newer upload, under its own key', async () => {
    await upload({ kind: 'poster', contentType: 'image/jpeg', sizeBytes: 20_000 });
    const first = (await fixture.videos.get('markt'))?.media.poster?.key;
    await upload({ kind: 'poster', contentType: 'image/png', sizeBytes: 30_000 });
    const second = (await fixture.videos.get('markt'))?.media.poster;
    expect(second).toMatchObject({ contentType: 'image/png', sizeBytes: 30_000 });
    expect(second?.key).not.toBe(first);
  });

  it('checks what arrived: nothing yet (409), another size or type (422); then the right file completes, twice harmlessly', async () => {
    const ticket = await create({ kind: 'video', contentType: 'video/mp4', sizeBytes: 1_000 });
    expect(await refusalOf(complete(ticket.uploadId))).toMatchObject({ code: 'UPLOAD_NOT_RECEIVED' });
    fixture.storage.put(keyOf(ticket.uploadId), 'video/mp4', 999);
    expect(await refusalOf(complete(ticket.uploadId))).toMatchObject({ code: 'UPLOAD_MISMATCH', message: expect.stringMatching(/999 bytes stored, 1000 announced/) });
    fixture.storage.put(keyOf(ticket.uploadId), 'application/octet-stream', 1_000);
    expect(await refusalOf(complete(ticket.uploadId))).toMatchObject({ code: 'UPLOAD_MISMATCH' });
    expect((await fixture.videos.get('markt'))?.media.video).toBeNull();
    fixture.storage.put(keyOf(ticket.uploadId), 'video/mp4', 1_000);
    expect(await complete(ticket.uploadId)).toMatchObject({ media: { video: true } });
    expect(await complete(ticket.uploadId)).toMatchObject({ media: { video: true } });
  });

  it('refuses completing an unknown upload, or one of an unknown video', async () => {
    expect(await refusalOf(complete('2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b'))).toMatchObject({ code: 'UPLOAD_NOT_FOUND' });
    expect(await refusalOf(complete('2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b', 'nothing'))).toMatchObject({ code: 'VIDEO_NOT_FOUND' });
  });
});
