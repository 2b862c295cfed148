import { ANNA, BORIS, listeningFixture, readyVideo, refusalOf, videoWithoutMedia, type ListeningFixture } from '../../../test-support/listening-fixture';
import { GetVideoHandler } from './get-video.handler';
import { GetVideoQuery } from './get-video.query';

describe('GetVideoHandler', () => {
  let fixture: ListeningFixture;
  const get = (videoId: string, userId = ANNA) => new GetVideoHandler(fixture.ready, fixture.students, fixture.links).execute(new GetVideoQuery(userId, videoId));

  beforeEach(() => {
    fixture = listeningFixture();
    fixture.videos.add(readyVideo({ id: 'markt', title: 'Op de markt' }));
    fixture.videos.add(videoWithoutMedia({ id: 'half' }));
  });

  it('answers pre-signed URLs of the film, poster and subtitles (Dutch first), and the questions without answers', async () => {
    const video = await get('markt');
    expect(video).toMatchObject({
      id: 'markt',
      title: 'Op de markt',
      level: 'A1',
      durationSeconds: 20,
      streamUrl: expect.stringContaining('listening/videos/markt/video.mp4'),
      posterUrl: expect.stringContaining('listening/videos/markt/poster.jpg'),
      position: null,
      answers: [],
      urlsExpireAt: new Date(fixture.clock.now.getTime() + 600_000).toISOString(),
    });
    expect(video.subtitles.map((subtitle) => subtitle.lang)).toEqual(['nl', 'en']);
    expect(video.subtitles[0].url).toContain('subtitles-nl.vtt');
    expect(video.questions).toEqual([
      { id: 'q1', atSeconds: 5.5, kind: 'multipleChoice', prompt: 'Waar is Sanne?', options: ['Thuis', 'Op de markt', 'Op school'] },
      { id: 'q2', atSeconds: 11, kind: 'trueFalse', prompt: 'Sanne koopt vis.' },
      { id: 'q3', atSeconds: 17, kind: 'shortAnswer', prompt: 'Wat koopt Sanne?' },
    ]);
    expect(JSON.stringify(video)).not.toMatch(/"answers?":\s*[^[]/);
    expect(JSON.stringify(video)).not.toContain('drie appels');
    // Every URL is a GET that lives the configured ten minutes.
    expect(fixture.storage.signed.map((signed) => [signed.method, signed.ttlSeconds])).toEqual([
      ['GET', 600],
      ['GET', 600],
      ['GET', 600],
      ['GET', 600],
    ]);
  });

  it("includes the student's position and answers, nobody else's", async () => {
    fixture.students.writeViewingDirectly(ANNA, 'markt', { positionSeconds: 7, watchedSeconds: 7, completed: false, startedAt: fixture.clock.now, progressReportedAt: null, updatedAt: fixture.clock.now, revision: 1 });
    const at = fixture.clock.now;
    await fixture.students.saveAnswer({ userId: ANNA, videoId: 'markt', questionId: 'q1', kind: 'multipleChoice', answer: 1, correct: true, skipped: false, positionSeconds: 5.5, at }, {} as never);
    // An answer to a question the video no longer has stays stored but is not shown.
    await fixture.students.saveAnswer({ userId: ANNA, videoId: 'markt', questionId: 'q9', kind: 'trueFalse', answer: true, correct: true, skipped: false, positionSeconds: 6, at }, {} as never);
    const mine = await get('markt');
    expect(mine.position).toMatchObject({ positionSeconds: 7, completed: false });
    expect(mine.answers).toEqual([{ questionId: 'q1', correct: true, skipped: false, at: at.toISOString() }]);
    expect(await get('markt', BORIS)).toMatchObject({ position: null, answers: [] });
  });

  it('refuses a video whose media are not in place, as an unknown one', async () => {
    expect(await refusalOf(get('half'))).toMatchObject({ code: 'VIDEO_NOT_FOUND' });
    expect(await refusalOf(get('nothing'))).toMatchObject({ code: 'VIDEO_NOT_FOUND' });
  });
});
