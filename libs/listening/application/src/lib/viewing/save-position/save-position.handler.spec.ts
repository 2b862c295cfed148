import { VideoCompleted, VideoProgressed, VideoStarted, type VideoPositionBody } from '@tall/listening/contracts';
import { PROGRESS_EVENT_INTERVAL_MS, VIEWING_SESSION_GAP_MS, type Viewing } from '@tall/listening/domain';
import { ANNA, BORIS, listeningFixture, readyVideo, refusalOf, videoWithoutMedia, type ListeningFixture } from '../../../test-support/listening-fixture';
import { SaveVideoPositionCommand } from './save-position.command';
import { SaveVideoPositionHandler } from './save-position.handler';

describe('SaveVideoPositionHandler', () => {
  let fixture: ListeningFixture;
  let handler: SaveVideoPositionHandler;
  const save = (report: VideoPositionBody, videoId = 'long', userId = ANNA) => handler.execute(new SaveVideoPositionCommand(userId, videoId, report));
  const types = () => fixture.students.events.map((event) => event.type);
  const stored = (): Viewing => {
    const viewing = fixture.students.storedViewing(ANNA, 'long');
    if (!viewing) throw new Error('nothing stored');
    return viewing;
  };

  beforeEach(() => {
    fixture = listeningFixture();
    handler = new SaveVideoPositionHandler(fixture.ready, fixture.students, fixture.clock.read);
    fixture.videos.add(readyVideo({ id: 'long', level: 'A2', durationSeconds: 900 }));
    fixture.videos.add(videoWithoutMedia({ id: 'half' }));
  });

  it('saves the position and adds up the seconds watched, so the player resumes there', async () => {
    expect(await save({ positionSeconds: 30, watchedSeconds: 30 })).toEqual({ positionSeconds: 30, watchedSeconds: 30, completed: false, updatedAt: fixture.clock.now.toISOString() });
    fixture.clock.advance(10_000);
    expect(await save({ positionSeconds: 40.5, watchedSeconds: 10 })).toMatchObject({ positionSeconds: 40.5, watchedSeconds: 40 });
    expect(await save({ positionSeconds: 5, watchedSeconds: 7 }, 'long', BORIS)).toMatchObject({ watchedSeconds: 7 });
    expect(stored()).toMatchObject({ positionSeconds: 40.5, watchedSeconds: 40, revision: 2 });
  });

  it('publishes video.started, then video.progressed at most every five minutes, then video.completed once', async () => {
    await save({ positionSeconds: 0, watchedSeconds: 0 });
    expect(types()).toEqual([VideoStarted.type]);
    expect(fixture.students.events[0]).toMatchObject({
      key: ANNA,
      topic: 'video.events.v1',
      payload: { userId: ANNA, videoId: 'long', level: 'A2', durationSeconds: 900, positionSeconds: 0, at: fixture.clock.now.toISOString() },
    });
    for (let second = 10; second <= 290; second += 10) {
      fixture.clock.advance(10_000);
      await save({ positionSeconds: second, watchedSeconds: 10 });
    }
    // Reports every ten seconds: one progress event for the first five minutes.
    expect(types()).toEqual([VideoStarted.type, VideoProgressed.type]);
    fixture.clock.advance(PROGRESS_EVENT_INTERVAL_MS);
    await save({ positionSeconds: 600, watchedSeconds: 300 });
    expect(fixture.students.eventsOf(VideoProgressed.type).map((event) => event.payload)).toEqual([
      expect.objectContaining({ positionSeconds: 10, watchedSeconds: 10 }),
      expect.objectContaining({ positionSeconds: 600, watchedSeconds: 590 }),
    ]);
    fixture.clock.advance(10_000);
    expect(await save({ positionSeconds: 899, watchedSeconds: 299 })).toMatchObject({ completed: true, watchedSeconds: 889 });
    fixture.clock.advance(10_000);
    await save({ positionSeconds: 900, watchedSeconds: 1 });
    expect(fixture.students.eventsOf(VideoCompleted.type).map((event) => event.payload)).toEqual([expect.objectContaining({ watchedSeconds: 889 })]);
  });

  it('starts a new session after half an hour away', async () => {
    await save({ positionSeconds: 10, watchedSeconds: 10 });
    fixture.clock.advance(VIEWING_SESSION_GAP_MS);
    await save({ positionSeconds: 12, watchedSeconds: 2 });
    expect(fixture.students.eventsOf(VideoStarted.type)).toHaveLength(2);
  });

  it('retries a report that lost to a concurrent one, counting neither twice', async () => {
    await save({ positionSeconds: 30, watchedSeconds: 30 });
    fixture.students.beforeNextViewingWrite(() => {
      const current = stored();
      fixture.students.writeViewingDirectly(ANNA, 'long', { ...current, watchedSeconds: current.watchedSeconds + 20, revision: current.revision + 1 });
    });
    const writes = fixture.students.viewingWrites;
    expect(await save({ positionSeconds: 50, watchedSeconds: 5 })).toMatchObject({ watchedSeconds: 55 });
    expect(fixture.students.viewingWrites - writes).toBe(2);
    expect(stored()).toMatchObject({ watchedSeconds: 55, revision: 3 });
  });

  it('gives up after five lost races instead of looping', async () => {
    await save({ positionSeconds: 30, watchedSeconds: 30 });
    for (let race = 0; race < 5; race++) {
      fixture.students.beforeNextViewingWrite(() => fixture.students.writeViewingDirectly(ANNA, 'long', { ...stored(), revision: stored().revision + 1 }));
    }
    expect(await refusalOf(save({ positionSeconds: 31, watchedSeconds: 1 }))).toMatchObject({ message: expect.stringMatching(/kept changing/) });
    expect(stored().watchedSeconds).toBe(30);
  });

  it('refuses a position past the end, and a video not ready', async () => {
    expect(await refusalOf(save({ positionSeconds: 902, watchedSeconds: 1 }))).toMatchObject({ code: 'POSITION_OUT_OF_RANGE' });
    expect(await refusalOf(save({ positionSeconds: 1, watchedSeconds: 1 }, 'half'))).toMatchObject({ code: 'VIDEO_NOT_FOUND' });
    expect(fixture.students.events).toEqual([]);
  });
});
