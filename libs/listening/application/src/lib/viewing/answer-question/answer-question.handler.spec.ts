import { VideoAnswered, type VideoAnswerBody } from '@tall/listening/contracts';
import { ANNA, BORIS, listeningFixture, readyVideo, refusalOf, videoWithoutMedia, type ListeningFixture } from '../../../test-support/listening-fixture';
import { AnswerQuestionCommand } from './answer-question.command';
import { AnswerQuestionHandler } from './answer-question.handler';

describe('AnswerQuestionHandler', () => {
  let fixture: ListeningFixture;
  const answer = (body: VideoAnswerBody, videoId = 'markt', userId = ANNA) =>
    new AnswerQuestionHandler(fixture.ready, fixture.students, fixture.clock.read).execute(new AnswerQuestionCommand(userId, videoId, body));

  beforeEach(() => {
    fixture = listeningFixture();
    fixture.videos.add(readyVideo({ id: 'markt', level: 'A2' }));
    fixture.videos.add(videoWithoutMedia({ id: 'half' }));
  });

  it('grades on the server and answers with the expected answer', async () => {
    expect(await answer({ questionId: 'q1', answer: 1, positionSeconds: 5.6 })).toEqual({ questionId: 'q1', correct: true, skipped: false, expected: 'Op de markt' });
    expect(await answer({ questionId: 'q2', answer: true, positionSeconds: 11 })).toEqual({ questionId: 'q2', correct: false, skipped: false, expected: false });
    expect(await answer({ questionId: 'q3', answer: ' Drie appels. ', positionSeconds: 17 })).toEqual({ questionId: 'q3', correct: true, skipped: false, expected: 'appels' });
  });

  it('publishes video.answered with the verdict only, never the answer given', async () => {
    await answer({ questionId: 'q3', answer: 'peren', positionSeconds: 17.2 });
    const events = fixture.students.eventsOf(VideoAnswered.type);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      key: ANNA,
      topic: 'video.results.v1',
      payload: { userId: ANNA, videoId: 'markt', questionId: 'q3', kind: 'shortAnswer', correct: false, skipped: false, at: fixture.clock.now.toISOString() },
    });
    expect(JSON.stringify(events)).not.toContain('peren');
  });

  it('counts a skipped question as skipped: correct null, the answer shown, the skip published', async () => {
    expect(await answer({ questionId: 'q1', answer: null, positionSeconds: 5.5 })).toEqual({ questionId: 'q1', correct: null, skipped: true, expected: 'Op de markt' });
    expect(fixture.students.eventsOf(VideoAnswered.type)[0].payload).toMatchObject({ correct: null, skipped: true });
  });

  it("keeps the student's last answer to each question, counting the attempts", async () => {
    await answer({ questionId: 'q1', answer: 0, positionSeconds: 5.5 });
    fixture.clock.advance(60_000);
    await answer({ questionId: 'q1', answer: 1, positionSeconds: 5.5 });
    await answer({ questionId: 'q2', answer: null, positionSeconds: 11 }, 'markt', BORIS);
    expect(await fixture.students.answersOf(ANNA, 'markt')).toEqual([
      { userId: ANNA, videoId: 'markt', questionId: 'q1', kind: 'multipleChoice', answer: 1, correct: true, skipped: false, positionSeconds: 5.5, attempts: 2, at: fixture.clock.now },
    ]);
    expect(fixture.students.eventsOf(VideoAnswered.type)).toHaveLength(3);
  });

  it.each([
    [{ questionId: 'q9', answer: 1, positionSeconds: 1 }, 'QUESTION_NOT_FOUND'],
    [{ questionId: 'q1', answer: 3, positionSeconds: 1 }, 'INVALID_ANSWER'],
    [{ questionId: 'q2', answer: 'niet waar', positionSeconds: 1 }, 'INVALID_ANSWER'],
    [{ questionId: 'q3', answer: true, positionSeconds: 1 }, 'INVALID_ANSWER'],
    [{ questionId: 'q1', answer: 1, positionSeconds: 25 }, 'POSITION_OUT_OF_RANGE'],
  ] as const)('refuses %j with %s, storing and publishing nothing', async (body, code) => {
    expect(await refusalOf(answer(body))).toMatchObject({ code });
    expect(fixture.students.answers.size).toBe(0);
    expect(fixture.students.events).toEqual([]);
  });

  it('refuses a video that is not ready as not found', async () => {
    expect(await refusalOf(answer({ questionId: 'q1', answer: 1, positionSeconds: 1 }, 'half'))).toMatchObject({ code: 'VIDEO_NOT_FOUND' });
  });
});
