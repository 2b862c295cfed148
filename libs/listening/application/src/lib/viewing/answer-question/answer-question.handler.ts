import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createEvent } from '@tall/platform/event-contracts';
import { VideoAnswered, type VideoAnswerResult } from '@tall/listening/contracts';
import { gradeVideoAnswer, POSITION_TOLERANCE_SECONDS, VideoAnswerRejectedError, type GradedVideoAnswer } from '@tall/listening/domain';
import { ListeningError, listeningErrors } from '../../listening-error';
import { LISTENING_CLOCK, type ListeningClock } from '../../ports/listening-settings.port';
import { STUDENT_LISTENING_STORE, type StudentListeningStore } from '../../ports/student-listening-store.port';
import { ReadyVideos } from '../../videos/ready-videos';
import { studentEventMeta } from '../student-events';
import { AnswerQuestionCommand } from './answer-question.command';

/**
 * Grades on the server and answers with the expected answer. The student's last answer to each
 * question is kept (with how often they answered it); every answer, a skip too, is an event.
 */
@CommandHandler(AnswerQuestionCommand)
export class AnswerQuestionHandler implements ICommandHandler<AnswerQuestionCommand> {
  constructor(
    @Inject(ReadyVideos) private readonly videos: ReadyVideos,
    @Inject(STUDENT_LISTENING_STORE) private readonly students: StudentListeningStore,
    @Inject(LISTENING_CLOCK) private readonly clock: ListeningClock,
  ) {}

  async execute({ userId, videoId, body }: AnswerQuestionCommand): Promise<VideoAnswerResult> {
    const video = await this.videos.get(videoId);
    const question = video.questions.find((candidate) => candidate.id === body.questionId);
    if (!question) throw listeningErrors.questionNotFound(body.questionId);
    if (body.positionSeconds > video.durationSeconds + POSITION_TOLERANCE_SECONDS) {
      throw new ListeningError('POSITION_OUT_OF_RANGE', `The video is ${video.durationSeconds} s long; ${body.positionSeconds} s is past its end`);
    }
    let graded: GradedVideoAnswer;
    try {
      graded = gradeVideoAnswer(question, body.answer);
    } catch (error) {
      if (error instanceof VideoAnswerRejectedError) throw new ListeningError('INVALID_ANSWER', error.message);
      throw error;
    }
    const at = this.clock();
    const event = createEvent(
      VideoAnswered,
      { userId, videoId: video.id, questionId: question.id, kind: question.kind, correct: graded.correct, skipped: graded.skipped, at: at.toISOString() },
      studentEventMeta(userId, at),
    );
    await this.students.saveAnswer(
      { userId, videoId: video.id, questionId: question.id, kind: question.kind, answer: body.answer, correct: graded.correct, skipped: graded.skipped, positionSeconds: body.positionSeconds, at },
      event,
    );
    return graded;
  }
}
