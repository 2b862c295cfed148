import { BreakpointObserver } from '@angular/cdk/layout';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { createTallApi, type StudentSummary } from '@tall/client/api';
import { FakeApi, json } from '@tall/client/api/testing';
import { createStudentsStore } from '@tall/client/progress/data-access';
import { of } from 'rxjs';
import { createStore } from 'zustand/vanilla';
import en from '../../i18n/en.json';
import { AUTH_STORE } from '../core/tall-client';
import { STUDENTS_STORE } from './teacher.routes';
import { StudentsPage } from './students.page';

function student(studentId: string, overrides: Partial<StudentSummary>): StudentSummary {
  return {
    studentId,
    name: { firstName: 'Eva', lastName: 'de Vries' },
    status: 'active',
    lastActiveAt: '2026-05-12T18:00:00.000Z',
    daysActive: 5,
    streak: 3,
    masteredThisWeek: 2,
    wordsMastered: 7,
    reviews: 40,
    accuracy: 0.8,
    inactive: false,
    inactiveDays: 0,
    textsRead: 0,
    testsTaken: 0,
    averageTestScore: null,
    lastTestScore: null,
    videosWatched: 0,
    answerRate: null,
    exercisesDone: 0,
    averageExerciseScore: null,
    ...overrides,
  };
}

const STUDENTS = [
  student('11111111-1111-4111-8111-111111111111', {
    textsRead: 4, testsTaken: 3, averageTestScore: 200 / 3, lastTestScore: 87.5, videosWatched: 2, answerRate: 2 / 3, exercisesDone: 5, averageExerciseScore: 72.4,
  }),
  student('22222222-2222-4222-8222-222222222222', { name: { firstName: 'Jan', lastName: 'Jansen' } }),
];

async function render(narrow: boolean): Promise<ComponentFixture<StudentsPage>> {
  const api = new FakeApi().on('GET', '/api/v1/teacher/students', () =>
    json(200, { items: STUDENTS, page: 1, pageSize: 25, total: 2, sort: 'lastActive', order: 'desc', namesUnavailable: false, asOf: '2026-05-13T08:00:00.000Z', today: '2026-05-13', week: '2026-W20' }),
  );
  await TestBed.configureTestingModule({
    imports: [StudentsPage, TranslocoTestingModule.forRoot({ langs: { en }, translocoConfig: { availableLangs: ['en', 'nl'], defaultLang: 'en' }, preloadLangs: true })],
    providers: [
      provideRouter([]),
      { provide: STUDENTS_STORE, useValue: createStudentsStore(createTallApi('http://tall.test', api.fetch)) },
      { provide: AUTH_STORE, useValue: createStore(() => ({ status: 'signed-in', user: { id: 'teacher', role: 'TEACHER' } })) },
      { provide: BreakpointObserver, useValue: { observe: () => of({ matches: narrow, breakpoints: {} }) } },
    ],
  }).compileComponents();
  const fixture = TestBed.createComponent(StudentsPage);
  await vi.waitFor(async () => {
    await fixture.whenStable();
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Jansen');
  });
  return fixture;
}

const cells = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());

describe('StudentsPage, reading, listening and exercises columns', () => {
  it('shows texts read, test scores, videos watched, the answer rate, exercises done and their average, a dash without any', async () => {
    const page = (await render(false)).nativeElement as HTMLElement;
    expect(cells(page, 'th')).toEqual([
      'Name', 'Last active', 'Streak', 'Mastered this week', 'Accuracy', 'Texts read', 'Test average', 'Last test', 'Videos watched', 'Answer rate', 'Exercises done', 'Exercise average', 'Activity',
    ]);
    const rows = [...page.querySelectorAll('tr.mat-mdc-row')];
    expect(cells(rows[0], 'td').slice(5, 8)).toEqual(['4', '67%', '88%']);
    expect(cells(rows[1], 'td').slice(5, 8)).toEqual(['0', '–', '–']);
    expect(cells(rows[0], 'td').slice(8, 12)).toEqual(['2', '67%', '5', '72%']);
    expect(cells(rows[1], 'td').slice(8, 12)).toEqual(['0', '–', '0', '–']);
    // Only the API's sort keys have sort headers.
    expect(cells(page, 'th.mat-sort-header')).toEqual(['Last active', 'Streak', 'Mastered this week', 'Accuracy', 'Activity']);
  });

  it('shows them on the narrow cards too', async () => {
    const page = (await render(true)).nativeElement as HTMLElement;
    const cards = [...page.querySelectorAll('.student-card')];
    expect(cells(cards[0], '.meta')[1]).toBe('Texts read 4 · Test average 67% · Last test 88%');
    expect(cells(cards[1], '.meta')[1]).toBe('Texts read 0 · Test average – · Last test –');
    expect(cells(cards[0], '.meta')[2]).toBe('Videos watched 2 · Answer rate 67% · Exercises done 5 · Exercise average 72%');
    expect(cells(cards[1], '.meta')[2]).toBe('Videos watched 0 · Answer rate – · Exercises done 0 · Exercise average –');
  });
});
