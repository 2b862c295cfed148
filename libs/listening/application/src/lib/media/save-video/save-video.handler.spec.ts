import type { VideoDefinitionBody } from '@tall/listening/contracts';
import { listeningFixture, QUESTIONS, readyVideo, refusalOf, type ListeningFixture } from '../../../test-support/listening-fixture';
import { VideoChanges } from '../video-changes';
import { SaveVideoCommand } from './save-video.command';
import { SaveVideoHandler } from './save-video.handler';

const DEFINITION: VideoDefinitionBody = { title: 'Op de markt', level: 'A1', topic: 'shopping', durationSeconds: 19.4, questions: QUESTIONS };

describe('SaveVideoHandler', () => {
  let fixture: ListeningFixture;
  const save = (videoId: string, definition: VideoDefinitionBody = DEFINITION) => new SaveVideoHandler(new VideoChanges(fixture.videos), fixture.clock.read).execute(new SaveVideoCommand(videoId, definition));

  beforeEach(() => {
    fixture = listeningFixture();
  });

  it('creates a video without media: not listed until they are in place', async () => {
    expect(await save('markt')).toEqual({
      id: 'markt',
      ...DEFINITION,
      media: { video: false, poster: false, subtitles: [] },
      mediaReady: false,
      updatedAt: fixture.clock.now.toISOString(),
    });
    expect(await fixture.videos.list({ readyOnly: true })).toEqual([]);
    expect(await fixture.videos.get('markt')).toMatchObject({ revision: 1, uploads: [], createdAt: fixture.clock.now });
  });

  it('changes the description of a video and keeps its media', async () => {
    fixture.videos.add(readyVideo({ id: 'markt' }));
    fixture.clock.advance(60_000);
    const saved = await save('markt', { ...DEFINITION, title: 'Naar de markt', questions: QUESTIONS.slice(0, 1) });
    expect(saved).toMatchObject({ title: 'Naar de markt', mediaReady: true, media: { video: true, poster: true, subtitles: ['nl', 'en'] } });
    expect(await fixture.videos.get('markt')).toMatchObject({ revision: 2, questions: QUESTIONS.slice(0, 1), createdAt: new Date('2026-03-02T08:00:00Z') });
  });

  it('writes again when another admin saved in between', async () => {
    fixture.videos.add(readyVideo({ id: 'markt' }));
    fixture.videos.beforeNextSave(() => fixture.videos.add(readyVideo({ id: 'markt', title: 'Tussendoor', revision: 2 })));
    expect(await save('markt')).toMatchObject({ title: 'Op de markt' });
    expect((await fixture.videos.get('markt'))?.revision).toBe(3);
  });

  it('refuses questions after the end or twice', async () => {
    expect(await refusalOf(save('markt', { ...DEFINITION, durationSeconds: 12 }))).toMatchObject({ code: 'INVALID_VIDEO', message: expect.stringMatching(/q3.*after the video's end/) });
    expect(await refusalOf(save('markt', { ...DEFINITION, questions: [QUESTIONS[0], QUESTIONS[0]] }))).toMatchObject({ code: 'INVALID_VIDEO' });
    expect(fixture.videos.videos.size).toBe(0);
  });
});
