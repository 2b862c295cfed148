import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { StudentRecord } from '@tall/client/api';
import en from '../../i18n/en.json';
import { StudentRecordView } from './student-record';

const NO_READING: Pick<StudentRecord, 'texts' | 'readingTests'> = {
  texts: { opened: 0, read: 0, readingSeconds: 0, lastReadAt: null },
  readingTests: { taken: 0, averageScore: null, recent: [] },
};

/** A record as `GET /api/v1/progress/me` answers it, with the reader's, listening's and exercises' figures given by the test. */
function record(shown: Partial<Pick<StudentRecord, 'texts' | 'readingTests' | 'videos' | 'exerciseAttempts'>>): StudentRecord {
  const emptySlot = { completed: 0, attempts: 0, averageScore: null, lastAt: null, recent: [] };
  return {
    studentId: '6c1f3f7e-7d4c-4f47-9d0e-0a0a0a0a0a0a',
    status: 'active',
    asOf: '2026-05-13T08:00:00.000Z',
    timeZone: 'Europe/Amsterdam',
    today: '2026-05-13',
    week: '2026-W20',
    activity: { firstActiveAt: null, lastActiveAt: null, daysActive: 0, streak: 0, inactive: true, inactiveDays: null },
    reviews: { total: 0, correct: 0, accuracy: null, thematic: 0, learning: 0, perDay: [{ day: '2026-05-13', reviews: 0, correct: 0 }] },
    words: { seen: 0, learning: 0, mastered: 0, masteredThisWeek: 0 },
    topics: [],
    learningCards: { week: '2026-W20', cohortSize: 0, activeCohorts: ['2026-W20'], activeCards: 0, due: 0, done: 0, totalWords: 0 },
    reading: emptySlot,
    listening: emptySlot,
    exercises: emptySlot,
    ...NO_READING,
    videos: {
      started: 0,
      completed: 0,
      watchedSeconds: 0,
      lastWatchedAt: null,
      questions: { asked: 0, answered: 0, correct: 0, answerRate: null, correctRate: null },
      recent: [],
    },
    exerciseAttempts: { attempts: 0, exercisesDone: 0, averageScore: null, recent: [] },
    ...shown,
  };
}

async function render(shown: StudentRecord): Promise<ComponentFixture<StudentRecordView>> {
  await TestBed.configureTestingModule({
    imports: [StudentRecordView, TranslocoTestingModule.forRoot({ langs: { en }, translocoConfig: { availableLangs: ['en', 'nl'], defaultLang: 'en' }, preloadLangs: true })],
  }).compileComponents();
  const fixture = TestBed.createComponent(StudentRecordView);
  fixture.componentRef.setInput('record', shown);
  await fixture.whenStable();
  fixture.detectChanges();
  return fixture;
}

const text = (root: ParentNode, selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
/** A headline figure's value and label. */
const figure = (root: HTMLElement, name: string) => {
  const element = root.querySelector(`.figure.${name}`) as HTMLElement;
  return [text(element, '.value'), text(element, '.label')];
};

describe('StudentRecordView, reading', () => {
  it('shows texts read, reading time in hours and minutes, the test average and the latest attempts', async () => {
    const fixture = await render(
      record({
        texts: { opened: 5, read: 3, readingSeconds: 2 * 3600 + 15 * 60 + 40, lastReadAt: '2026-05-12T19:05:00.000Z' },
        readingTests: {
          taken: 3,
          averageScore: 225 / 3,
          recent: [
            { attemptId: '00000000-0000-4000-8000-000000000002', textId: 'markt', textTitle: 'Op de markt', level: 'A2', score: 4, maxScore: 4, at: '2026-05-12T09:20:00.000Z' },
            { attemptId: '00000000-0000-4000-8000-000000000001', textId: 'fiets', textTitle: 'De fiets', level: null, score: 2, maxScore: 3, at: '2026-05-10T17:00:00.000Z' },
          ],
        },
      }),
    );
    const page = fixture.nativeElement as HTMLElement;
    expect(figure(page, 'texts-read')).toEqual(['3', 'texts read (5 opened)']);
    expect(figure(page, 'reading-time')).toEqual(['2 h 15 min', 'reading time']);
    expect(figure(page, 'test-average')).toEqual(['75%', 'average test score (3 tests)']);
    const rows = [...page.querySelectorAll('.tests tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()));
    expect(rows).toEqual([
      ['Op de markt', 'A2', '4 of 4 (100%)', 'May 12, 2026'],
      ['De fiets', '–', '2 of 3 (67%)', 'May 10, 2026'],
    ]);
    expect(page.querySelector('.tests thead')?.textContent).toContain('Score');
  });

  it('shows zeros, minutes only and a dash before any reading, and says how to get test scores', async () => {
    const fixture = await render(record({ texts: { opened: 0, read: 0, readingSeconds: 50, lastReadAt: null }, readingTests: { taken: 0, averageScore: null, recent: [] } }));
    const page = fixture.nativeElement as HTMLElement;
    expect(figure(page, 'texts-read')).toEqual(['0', 'texts read (0 opened)']);
    expect(figure(page, 'reading-time')).toEqual(['0 min', 'reading time']);
    expect(figure(page, 'test-average')).toEqual(['–', 'average test score (0 tests)']);
    expect(page.querySelector('.tests')).toBeNull();
    expect(text(page, '.reading')).toContain('Take the test after reading a text to see your scores here.');
  });
});

describe('StudentRecordView, listening and exercises', () => {
  const byTestId = (root: HTMLElement, id: string) => text(root, `[data-testid="${id}"]`);

  it('shows videos watched and started, the answer rate, exercises done and their average, with the test ids the browser tests use', async () => {
    const fixture = await render(
      record({
        videos: {
          started: 2,
          completed: 1,
          watchedSeconds: 50,
          lastWatchedAt: '2026-05-12T19:00:10.000Z',
          questions: { asked: 4, answered: 3, correct: 2, answerRate: 0.75, correctRate: 2 / 3 },
          recent: [
            { videoId: 'de-trein', level: 'A1', completed: false, watchedSeconds: 7, asked: 1, answered: 1, correct: 0, lastAt: '2026-05-12T19:00:10.000Z' },
            { videoId: 'het-weer', level: 'A2', completed: false, watchedSeconds: 4, asked: 0, answered: 0, correct: 0, lastAt: '2026-05-11T19:00:00.000Z' },
            { videoId: 'op-de-markt', level: null, completed: true, watchedSeconds: 18, asked: 3, answered: 2, correct: 2, lastAt: '2026-05-11T09:00:20.000Z' },
          ],
        },
        exerciseAttempts: {
          attempts: 3,
          exercisesDone: 2,
          averageScore: 60,
          recent: [
            { attemptId: '00000000-0000-4000-8000-000000000003', exerciseId: 'a1-cloze-1', type: 'cloze', level: 'A1', source: 'authored', score: 4, maxScore: 4, at: '2026-05-12T10:00:00.000Z' },
            { attemptId: '00000000-0000-4000-8000-000000000002', exerciseId: 'wk-2026-w19-1-ab', type: 'match', level: 'A2', source: 'weekly', score: 3, maxScore: 10, at: '2026-05-10T17:00:00.000Z' },
            { attemptId: '00000000-0000-4000-8000-000000000001', exerciseId: 'x-1', type: 'crossword', level: 'B1', source: 'authored', score: 1, maxScore: 3, at: '2026-05-09T17:00:00.000Z' },
          ],
        },
      }),
    );
    const page = fixture.nativeElement as HTMLElement;
    expect(byTestId(page, 'progress-videos-watched')).toBe('1 videos watched · 2 started');
    expect(byTestId(page, 'progress-answer-rate')).toBe('75%');
    expect(byTestId(page, 'progress-exercises-done')).toBe('2');
    expect(byTestId(page, 'progress-exercise-average')).toBe('60%');
    expect(figure(page, 'answer-rate')).toEqual(['75%', 'questions answered (3 of 4)']);
    expect(figure(page, 'exercises-done')).toEqual(['2', 'exercises done (3 attempts)']);
    expect(figure(page, 'exercise-average')).toEqual(['60%', 'average exercise score']);

    // Videos are short: under a minute, the seconds.
    expect(text(page, '.listening .watching-time')).toBe('50 s');
    expect(text(page, '.listening .answered-right')).toBe('67% (2 of 3)');
    const rows = (selector: string) => [...page.querySelectorAll(`${selector} tbody tr`)].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()));
    expect(rows('.videos')).toEqual([
      ['de-trein', 'A1', 'partly', '0 right · 1 of 1 answered', 'May 12, 2026'],
      ['het-weer', 'A2', 'partly', '–', 'May 11, 2026'],
      ['op-de-markt', '–', 'to the end', '2 right · 2 of 3 answered', 'May 11, 2026'],
    ]);
    // A kind the interface has no name for is shown as the API gives it.
    expect(rows('.exercise-attempts')).toEqual([
      ['a1-cloze-1', 'Fill in the gaps', 'A1', '4 of 4 (100%)', 'May 12, 2026'],
      ['wk-2026-w19-1-ab weekly', 'Matching pairs', 'A2', '3 of 10 (30%)', 'May 10, 2026'],
      ['x-1', 'crossword', 'B1', '1 of 3 (33%)', 'May 9, 2026'],
    ]);
    for (const table of page.querySelectorAll('.listening table, .exercises table')) expect(table.querySelectorAll('th[scope="col"]')).toHaveLength(5);
  });

  it('shows zeros and dashes before any video or exercise, and says where to start', async () => {
    const page = (await render(record({}))).nativeElement as HTMLElement;
    expect(byTestId(page, 'progress-videos-watched')).toBe('0 videos watched · 0 started');
    expect(byTestId(page, 'progress-answer-rate')).toBe('–');
    expect(byTestId(page, 'progress-exercises-done')).toBe('0');
    expect(byTestId(page, 'progress-exercise-average')).toBe('–');
    expect(page.querySelector('.videos')).toBeNull();
    expect(page.querySelector('.exercise-attempts')).toBeNull();
    expect(text(page, '.listening')).toContain('Watch a video in Listening and answer its questions to see your results here.');
    expect(text(page, '.exercises')).toContain('Do an exercise in Exercises to see your scores here.');
  });
});
