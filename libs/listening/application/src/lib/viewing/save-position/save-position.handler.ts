import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createEvent, type EventEnvelope } from '@tall/platform/event-contracts';
import { VideoCompleted, VideoProgressed, VideoStarted, type ViewingPosition } from '@tall/listening/contracts';
import { applyViewingReport, PositionOutOfRangeError, type ViewingUpdate } from '@tall/listening/domain';
import { ListeningError } from '../../listening-error';
import { LISTENING_CLOCK, type ListeningClock } from '../../ports/listening-settings.port';
import { STUDENT_LISTENING_STORE, type StudentListeningStore } from '../../ports/student-listening-store.port';
import { ReadyVideos } from '../../videos/ready-videos';
import { studentEventMeta, videoFacts } from '../student-events';
import { positionOf } from '../viewing-views';
import { SaveVideoPositionCommand } from './save-position.command';

const ATTEMPTS = 5;

/**
 * Saves the position and adds the seconds watched; the player resumes from it. A new viewing
 * session goes out as `video.started`, the watching time now and then as `video.progressed`, the
 * end once as `video.completed`. Concurrent reports of one student retry on the stored revision,
 * so no second is counted twice or lost.
 */
@CommandHandler(SaveVideoPositionCommand)
export class SaveVideoPositionHandler implements ICommandHandler<SaveVideoPositionCommand> {
  constructor(
    @Inject(ReadyVideos) private readonly videos: ReadyVideos,
    @Inject(STUDENT_LISTENING_STORE) private readonly students: StudentListeningStore,
    @Inject(LISTENING_CLOCK) private readonly clock: ListeningClock,
  ) {}

  async execute({ userId, videoId, report }: SaveVideoPositionCommand): Promise<ViewingPosition> {
    const video = await this.videos.get(videoId);
    for (let attempt = 1; ; attempt++) {
      const at = this.clock();
      const previous = (await this.students.viewingsOf(userId)).get(video.id) ?? null;
      let update: ViewingUpdate;
      try {
        update = applyViewingReport(previous, report, video.durationSeconds, at);
      } catch (error) {
        if (error instanceof PositionOutOfRangeError) throw new ListeningError('POSITION_OUT_OF_RANGE', error.message);
        throw error;
      }
      const facts = videoFacts(userId, video);
      const meta = studentEventMeta(userId, at);
      const events: EventEnvelope[] = [];
      if (update.started) events.push(createEvent(VideoStarted, { ...facts, positionSeconds: update.next.positionSeconds, at: at.toISOString() }, meta));
      if (update.progressed) {
        events.push(createEvent(VideoProgressed, { ...facts, positionSeconds: update.next.positionSeconds, watchedSeconds: update.next.watchedSeconds, at: at.toISOString() }, meta));
      }
      if (update.completed) events.push(createEvent(VideoCompleted, { ...facts, watchedSeconds: update.next.watchedSeconds, at: at.toISOString() }, meta));
      if (await this.students.saveViewing(userId, video.id, update.next, previous?.revision ?? 0, events)) return positionOf(update.next);
      if (attempt >= ATTEMPTS) throw new Error(`viewing of ${video.id} kept changing under ${ATTEMPTS} attempts`);
    }
  }
}
