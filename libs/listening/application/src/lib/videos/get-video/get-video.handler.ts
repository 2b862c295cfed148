import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { VideoView } from '@tall/listening/contracts';
import { publicQuestions } from '@tall/listening/domain';
import { STUDENT_LISTENING_STORE, type StudentListeningStore } from '../../ports/student-listening-store.port';
import { positionOf } from '../../viewing/viewing-views';
import { MediaLinks } from '../media-links';
import { ReadyVideos } from '../ready-videos';
import { GetVideoQuery } from './get-video.query';

@QueryHandler(GetVideoQuery)
export class GetVideoHandler implements IQueryHandler<GetVideoQuery> {
  constructor(
    @Inject(ReadyVideos) private readonly videos: ReadyVideos,
    @Inject(STUDENT_LISTENING_STORE) private readonly students: StudentListeningStore,
    @Inject(MediaLinks) private readonly links: MediaLinks,
  ) {}

  async execute({ userId, videoId }: GetVideoQuery): Promise<VideoView> {
    const video = await this.videos.get(videoId);
    const [links, viewings, answers] = await Promise.all([this.links.of(video), this.students.viewingsOf(userId), this.students.answersOf(userId, video.id)]);
    const viewing = viewings.get(video.id);
    const asked = new Set(video.questions.map((question) => question.id));
    return {
      id: video.id,
      title: video.title,
      level: video.level,
      topic: video.topic,
      durationSeconds: video.durationSeconds,
      streamUrl: links.streamUrl,
      posterUrl: links.posterUrl,
      subtitles: links.subtitles,
      questions: publicQuestions(video.questions),
      position: viewing ? positionOf(viewing) : null,
      // Answers to questions an admin has since removed are kept for the record, not shown.
      answers: answers
        .filter((answer) => asked.has(answer.questionId))
        .map((answer) => ({ questionId: answer.questionId, correct: answer.correct, skipped: answer.skipped, at: answer.at.toISOString() })),
      urlsExpireAt: links.expiresAt.toISOString(),
    };
  }
}
