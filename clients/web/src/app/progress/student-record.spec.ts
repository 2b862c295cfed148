import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { StudentRecord } from '@tall/client/api';
import en from '../../i18n/en.json';
import { StudentRecordView } from './student-record';

/** A record as `GET /api/v1/progress/me` answers it, with the reader's figures given by the test. */
function record(reading: Pick<StudentRecord, 'texts' | 'readingTests'>): StudentRecord {
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
    ...reading,
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
