import type { CreateUploadBody } from '@tall/listening/contracts';
import { listeningFixture, refusalOf, videoWithoutMedia, type ListeningFixture } from '../../../test-support/listening-fixture';
import { CompleteUploadCommand } from '../complete-upload/complete-upload.command';
import { CompleteUploadHandler } from '../complete-upload/complete-upload.handler';
import { CreateUploadCommand } from './create-upload.command';
import { CreateUploadHandler, MAX_PENDING_UPLOADS } from './create-upload.handler';

describe('CreateUploadHandler', () => {
  let fixture: ListeningFixture;
  const create = (upload: CreateUploadBody, videoId = 'markt') =>
    new CreateUploadHandler(fixture.changes, fixture.storage, fixture.settings, fixture.clock.read).execute(new CreateUploadCommand(videoId, upload));

  beforeEach(() => {
    fixture = listeningFixture();
    fixture.videos.add(videoWithoutMedia({ id: 'markt' }));
  });

  it('hands out a pre-signed PUT of the announced type, to a key of its own under the context’s prefix', async () => {
    const ticket = await create({ kind: 'subtitles', lang: 'nl', contentType: 'text/vtt; charset=utf-8', sizeBytes: 800 });
    expect(ticket).toEqual({
      uploadId: expect.any(String),
      method: 'PUT',
      url: expect.stringContaining(`listening/videos/markt/subtitles-nl-${ticket.uploadId}.vtt`),
      headers: { 'content-type': 'text/vtt' },
      expiresAt: new Date(fixture.clock.now.getTime() + 900_000).toISOString(),
    });
    expect(fixture.storage.signed).toEqual([{ method: 'PUT', key: `listening/videos/markt/subtitles-nl-${ticket.uploadId}.vtt`, ttlSeconds: 900, contentType: 'text/vtt' }]);
    expect((await fixture.videos.get('markt'))?.uploads).toEqual([expect.objectContaining({ uploadId: ticket.uploadId, kind: 'subtitles', lang: 'nl', sizeBytes: 800 })]);
  });

  it.each([
    [{ kind: 'video', contentType: 'video/quicktime', sizeBytes: 10 }, 'UNSUPPORTED_TYPE'],
    [{ kind: 'poster', contentType: 'image/jpeg', sizeBytes: 6 * 1024 ** 2 }, 'TOO_LARGE'],
    [{ kind: 'subtitles', contentType: 'text/vtt', sizeBytes: 10 }, 'INVALID_UPLOAD'],
  ] as const)('refuses %j (%s) before signing anything', async (planned, code) => {
    expect(await refusalOf(create(planned))).toMatchObject({ code });
    expect(fixture.storage.signed).toEqual([]);
  });

  it('refuses uploads of an unknown video', async () => {
    expect(await refusalOf(create({ kind: 'video', contentType: 'video/mp4', sizeBytes: 10 }, 'nothing'))).toMatchObject({ code: 'VIDEO_NOT_FOUND' });
  });

  it(`keeps the last ${MAX_PENDING_UPLOADS} open uploads of a video`, async () => {
    const tickets = [];
    for (let index = 0; index <= MAX_PENDING_UPLOADS; index++) tickets.push(await create({ kind: 'poster', contentType: 'image/png', sizeBytes: 10 }));
    const open = (await fixture.videos.get('markt'))?.uploads.map((pending) => pending.uploadId);
    expect(open).toHaveLength(MAX_PENDING_UPLOADS);
    expect(open).not.toContain(tickets[0].uploadId);
    const forgotten = new CompleteUploadHandler(fixture.videos, fixture.changes, fixture.storage, fixture.clock.read).execute(new CompleteUploadCommand('markt', tickets[0].uploadId));
    expect(await refusalOf(forgotten)).toMatchObject({ code: 'UPLOAD_NOT_FOUND' });
  });
});
