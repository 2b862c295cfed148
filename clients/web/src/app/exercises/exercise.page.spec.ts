import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { createTallApi } from '@tall/client/api';
import { FakeApi, json } from '@tall/client/api/testing';
import { createExercisesApi, createExerciseStore, type PublicExercise } from '@tall/client/exercises/data-access';
import { attemptResult, bucketsExercise, clozeExercise, matchExercise, orderExercise } from '@tall/client/exercises/data-access/testing';
import { ExercisePage } from './exercise.page';
import { focused, settle, translocoTesting } from './exercise-view.testing';
import { EXERCISE_STORE } from './exercises.routes';

const EXERCISE = (id: string) => `/api/v1/exercises/${id}`;

async function render(exercise: PublicExercise, id = exercise.id) {
  const announced: string[] = [];
  const fake = new FakeApi().on('GET', EXERCISE(exercise.id), () => json(200, exercise));
  await TestBed.configureTestingModule({
    imports: [ExercisePage, translocoTesting()],
    providers: [
      provideRouter([]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: EXERCISE_STORE, useValue: createExerciseStore(createExercisesApi(createTallApi('http://tall.test', fake.fetch))) },
      { provide: LiveAnnouncer, useValue: { announce: async (message: string) => void announced.push(message) } },
    ],
  }).compileComponents();
  const fixture = TestBed.createComponent(ExercisePage);
  fixture.componentRef.setInput('id', id);
  document.body.appendChild(fixture.nativeElement);
  await settle(fixture);
  return { fixture, element: fixture.nativeElement as HTMLElement, fake, announced };
}

describe('ExercisePage', () => {
  afterEach(() => document.body.replaceChildren());

  it('shows each type of exercise with its own view, under its instructions', async () => {
    const views = { order: 'tall-order-exercise', match: 'tall-match-exercise', buckets: 'tall-buckets-exercise', cloze: 'tall-cloze-exercise' };
    for (const exercise of [orderExercise(), matchExercise(), bucketsExercise(), clozeExercise()]) {
      TestBed.resetTestingModule();
      const { element } = await render(exercise);
      expect(element.querySelector('[data-testid="exercise-page"]')?.getAttribute('data-type')).toBe(exercise.type);
      expect(element.querySelector(views[exercise.type])).not.toBeNull();
      expect(element.querySelector('[data-testid="exercise-instructions"]')?.textContent).toBe(exercise.instructions);
      expect(element.querySelector('h1')?.textContent).toBe(exercise.title);
      document.body.replaceChildren();
    }
  });

  it('hands the answers in, shows the score where the focus goes and each mark, and starts again', async () => {
    const { fixture, element, fake, announced } = await render(bucketsExercise());
    fake.on('POST', `${EXERCISE('de-of-het')}/attempts`, () => json(201, attemptResult({ i1: 'het', i2: 'de', i3: 'het' }, ['i1', 'i3'])));
    const word = (id: string) => element.querySelector<HTMLButtonElement>(`[data-testid="bucket-word"][data-item-id="${id}"]`) as HTMLButtonElement;
    word('i1').dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true, cancelable: true }));
    word('i3').dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true, cancelable: true }));
    await settle(fixture);
    expect(element.querySelector('[data-testid="exercise-answered"]')?.textContent).toContain('2 of 3 answered');

    element.querySelector<HTMLButtonElement>('[data-testid="exercise-submit"]')?.click();
    await vi.waitFor(() => expect(fake.calls('POST', `${EXERCISE('de-of-het')}/attempts`)).toBe(1));
    await settle(fixture);
    expect(fake.requests.at(-1)?.body).toEqual({
      answers: [
        { itemId: 'i1', answer: 'het' },
        { itemId: 'i3', answer: 'het' },
      ],
    });
    const score = element.querySelector('[data-testid="exercise-score"]') as HTMLElement;
    expect(score.textContent).toContain('Your score: 2 of 3');
    expect(score.getAttribute('aria-live')).toBe('polite');
    await vi.waitFor(() => expect(focused()).toBe(score));
    expect(word('i2').getAttribute('data-correct')).toBe('false');
    expect(word('i2').textContent).toContain('→ de');
    expect(element.querySelector('[data-testid="exercise-submit"]')).toBeNull();

    const scrolled = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    element.querySelector<HTMLButtonElement>('[data-testid="exercise-again"]')?.click();
    await settle(fixture);
    expect(element.querySelector('[data-testid="exercise-score"]')?.textContent?.trim()).toBe('');
    expect(element.querySelector('[data-testid="exercise-last-score"]')?.textContent).toContain('Last time: 2 of 3');
    expect(element.querySelectorAll('[data-testid="bucket-pool"] [data-testid="bucket-word"]')).toHaveLength(3);
    expect(announced.at(-1)).toBe('Your answers are cleared. Try again.');
    expect(scrolled).toHaveBeenCalled();
  });

  it('says so when the exercise does not exist', async () => {
    const { element } = await render(orderExercise(), 'wk-2026-W02-1-zz99');
    expect(element.textContent).toContain('This exercise does not exist');
  });
});
