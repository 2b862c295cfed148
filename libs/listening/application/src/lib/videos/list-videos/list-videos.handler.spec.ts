import { ANNA, BORIS, listeningFixture, readyVideo, videoWithoutMedia, type ListeningFixture } from '../../../test-support/listening-fixture';
import { ListVideosHandler } from './list-videos.handler';
import { ListVideosQuery } from './list-videos.query';

describe('ListVideosHandler', () => {
  let fixture: ListeningFixture;
  const list = (filter = {}, userId = ANNA) => new ListVideosHandler(fixture.videos, fixture.students, fixture.links, fixture.settings, fixture.clock.read).execute(new ListVideosQuery(userId, filter));

  beforeEach(() => {
    fixture = listeningFixture();
    fixture.videos.add(readyVideo({ id: 'markt', title: 'Op de markt', level: 'A1', topic: 'shopping' }));
    fixture.videos.add(readyVideo({ id: 'trein', title: 'De trein', level: 'A2', topic: 'transport' }));
    fixture.videos.add(readyVideo({ id: 'bakker', title: 'Bij de bakker', level: 'A1', topic: 'shopping' }));
    fixture.videos.add(videoWithoutMedia({ id: 'half', title: 'Aan het uploaden', level: 'A1' }));
    // Subtitles in English only: not ready either.
    fixture.videos.add(readyVideo({ id: 'engels', media: { ...readyVideo({ id: 'engels' }).media, subtitles: { en: readyVideo({ id: 'engels' }).media.subtitles['en'] } } }));
  });

  it('lists only videos whose media are in place, by level and title, each with a short-lived poster URL', async () => {
    const answer = await list();
    expect(answer.items.map((item) => item.id)).toEqual(['bakker', 'markt', 'trein']);
    expect(answer.items[0]).toEqual({
      id: 'bakker',
      title: 'Bij de bakker',
      level: 'A1',
      topic: 'shopping',
      durationSeconds: 20,
      posterUrl: expect.stringContaining('listening/videos/bakker/poster.jpg'),
      questionCount: 3,
      position: null,
    });
    expect(answer.urlsExpireAt).toBe(new Date(fixture.clock.now.getTime() + 600_000).toISOString());
    expect(fixture.storage.signed.every((signed) => signed.method === 'GET' && signed.ttlSeconds === 600)).toBe(true);
  });

  it('filters by level and topic', async () => {
    expect((await list({ level: 'A2' })).items.map((item) => item.id)).toEqual(['trein']);
    expect((await list({ level: 'A1', topic: 'shopping' })).items.map((item) => item.id)).toEqual(['bakker', 'markt']);
    expect((await list({ topic: 'weather-and-seasons' })).items).toEqual([]);
  });

  it("shows the student's own position in each video", async () => {
    fixture.students.writeViewingDirectly(ANNA, 'markt', {
      positionSeconds: 12,
      watchedSeconds: 14,
      completed: false,
      startedAt: fixture.clock.now,
      progressReportedAt: null,
      updatedAt: fixture.clock.now,
      revision: 3,
    });
    const mine = await list();
    expect(mine.items.find((item) => item.id === 'markt')?.position).toEqual({ positionSeconds: 12, watchedSeconds: 14, completed: false, updatedAt: fixture.clock.now.toISOString() });
    expect((await list({}, BORIS)).items.every((item) => item.position === null)).toBe(true);
  });
});
