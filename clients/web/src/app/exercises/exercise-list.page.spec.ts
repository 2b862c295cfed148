import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { createTallApi } from '@tall/client/api';
import { FakeApi, json } from '@tall/client/api/testing';
import { createCatalogStore, createExercisesApi, createWeeklyStore, type ExerciseSummary, type WeeklySet } from '@tall/client/exercises/data-access';
import { bucketsExercise, clozeExercise, matchExercise, orderExercise, summaryOf, weeklySet } from '@tall/client/exercises/data-access/testing';
import { ExerciseListPage } from './exercise-list.page';
import { settle, translocoTesting } from './exercise-view.testing';
import { CATALOG_STORE, WEEKLY_STORE } from './exercises.routes';

const LIST = '/api/v1/exercises';

async function render(summaries: ExerciseSummary[], weekly: WeeklySet | null = weeklySet()) {
  const queries: Array<Record<string, string>> = [];
  const fake = new FakeApi().on('GET', LIST, (request) => {
    const query = Object.fromEntries(new URL(request.url).searchParams);
    queries.push(query);
    const matching = summaries.filter((summary) => (!query['type'] || summary.type === query['type']) && (!query['level'] || summary.level === query['level']));
    return json(200, { items: matching, total: matching.length, page: 1, pageSize: 12 });
  });
  fake.on('GET', `${LIST}/weekly`, () => (weekly ? json(200, weekly) : json(503, { statusCode: 503, code: 'DEPENDENCY_UNAVAILABLE', message: 'later' })));
  const api = createExercisesApi(createTallApi('http://tall.test', fake.fetch));
  await TestBed.configureTestingModule({
    imports: [ExerciseListPage, translocoTesting()],
    providers: [
      provideRouter([{ path: 'exercises/:id', children: [] }]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: CATALOG_STORE, useValue: createCatalogStore(api) },
      { provide: WEEKLY_STORE, useValue: createWeeklyStore(api) },
    ],
  }).compileComponents();
  const fixture = TestBed.createComponent(ExerciseListPage);
  await settle(fixture);
  return { fixture, element: fixture.nativeElement as HTMLElement, queries, fake };
}

const cards = (element: HTMLElement, testId: string) => [...element.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];

describe('ExerciseListPage', () => {
  const summaries = [
    summaryOf(orderExercise(), { lastScore: { score: 2, maxScore: 2, at: '2026-01-05T10:00:00.000Z' } }),
    summaryOf(matchExercise({ level: 'A2' }), { lastScore: { score: 1, maxScore: 3, at: '2026-01-05T10:00:00.000Z' } }),
    summaryOf(bucketsExercise()),
    summaryOf(clozeExercise({ level: 'B1' })),
  ];

  it('shows this week’s set and the catalog, each exercise with its type, level and last score', async () => {
    const { element } = await render(summaries);
    const weekly = cards(element, 'exercises-weekly-card');
    expect(weekly.map((card) => card.dataset['type'])).toEqual(['buckets']);
    expect(element.querySelector('[data-testid="exercises-weekly"]')?.textContent).toContain('Made from the words you added to your learning cards this week.');

    const catalog = cards(element, 'exercises-card');
    expect(catalog.map((card) => card.querySelector('[data-testid="exercise-type"]')?.textContent?.trim())).toEqual(['low_priorityWord order', 'joinMatching pairs', 'categorySorting', 'edit_noteFill in the blanks']);
    expect(catalog.map((card) => card.querySelector('[data-testid="exercise-level"]')?.textContent)).toEqual(['A1', 'A2', 'A1', 'B1']);
    expect(catalog[0].querySelector('[data-testid="exercise-last-score"]')?.textContent).toContain('Last score: 2 / 2');
    expect(catalog[0].querySelector('[data-testid="exercise-last-score"]')?.classList).toContain('full');
    expect(catalog[1].querySelector('[data-testid="exercise-last-score"]')?.classList).not.toContain('full');
    expect(catalog[2].querySelector('[data-testid="exercise-not-done"]')?.textContent).toContain('Not done yet');
    expect(catalog[2].querySelector('[data-testid="exercise-open"]')?.getAttribute('aria-label')).toBe('Start De of het');
    expect(catalog[0].querySelector('[data-testid="exercise-open"]')?.getAttribute('href')).toBe('/exercises/zinnen');
    expect(element.querySelector('[data-testid="exercises-count"]')?.textContent).toContain('4 exercises');
  });

  it('filters the catalog by type and level and clears the filters', async () => {
    const { fixture, element, queries } = await render(summaries);
    fixture.componentInstance['filter']({ type: 'match' });
    await settle(fixture);
    expect(queries.at(-1)).toEqual({ type: 'match', page: '1', pageSize: '12' });
    expect(cards(element, 'exercises-card').map((card) => card.dataset['exerciseId'])).toEqual(['getallen']);
    fixture.componentInstance['filter']({ level: 'B1' });
    await settle(fixture);
    expect(element.textContent).toContain('No exercises match');
    element.querySelector<HTMLButtonElement>('[data-testid="exercises-clear-filters"]')?.click();
    await settle(fixture);
    expect(queries.at(-1)).toEqual({ page: '1', pageSize: '12' });
    expect(cards(element, 'exercises-card')).toHaveLength(4);
  });

  it('says when the week has no exercises, and explains a week that cannot be made yet', async () => {
    const empty = await render(summaries, weeklySet([]));
    expect(empty.element.querySelector('[data-testid="exercises-weekly"]')?.textContent).toContain('No exercises for this week yet');
    TestBed.resetTestingModule();
    const failing = await render(summaries, null);
    expect(failing.element.querySelector('[data-testid="exercises-weekly"] [role="alert"]')).not.toBeNull();
    expect(cards(failing.element, 'exercises-card')).toHaveLength(4);
  });
});
