// Renders one kind of exercise for its spec, its moves applied through a real exercise store (no app code imports this file).
import { LiveAnnouncer } from '@angular/cdk/a11y';
import type { OutputEmitterRef, Type } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { createTallApi } from '@tall/client/api';
import { FakeApi, json } from '@tall/client/api/testing';
import { createExercisesApi, createExerciseStore, type ExerciseStore, type ItemResult, type PublicExercise } from '@tall/client/exercises/data-access';
import en from '../../i18n/en.json';

export const translocoTesting = () => TranslocoTestingModule.forRoot({ langs: { en }, translocoConfig: { availableLangs: ['en'], defaultLang: 'en' }, preloadLangs: true });

/** What the four views emit, applied to the store as the exercise page applies it. */
type Move = { itemId: string; from: number; to: number } | { itemId: string; option: string | null } | { itemId: string; bucketId: string | null } | { blank: { itemId: string; blank: number }; text: string };

function apply(store: ExerciseStore, move: Move): void {
  if ('from' in move) store.getState().moveToken(move.itemId, move.from, move.to);
  else if ('option' in move) store.getState().match(move.itemId, move.option);
  else if ('bucketId' in move) store.getState().sort(move.itemId, move.bucketId);
  else store.getState().fill(move.blank, move.text);
}

export async function renderView<C>(view: Type<C>, exercise: PublicExercise, output: keyof C) {
  const announced: string[] = [];
  const fake = new FakeApi().on('GET', `/api/v1/exercises/${exercise.id}`, () => json(200, exercise));
  const store = createExerciseStore(createExercisesApi(createTallApi('http://tall.test', fake.fetch)));
  await store.getState().load(exercise.id);
  await TestBed.configureTestingModule({
    imports: [view, translocoTesting()],
    providers: [
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: LiveAnnouncer, useValue: { announce: async (message: string) => void announced.push(message) } },
    ],
  }).compileComponents();
  const fixture = TestBed.createComponent(view);
  fixture.componentRef.setInput('exercise', exercise);
  fixture.componentRef.setInput('answers', store.getState().answers);
  const emitted: Move[] = [];
  (fixture.componentInstance[output] as OutputEmitterRef<Move>).subscribe((move) => {
    emitted.push(move);
    apply(store, move);
    fixture.componentRef.setInput('answers', store.getState().answers);
  });
  document.body.appendChild(fixture.nativeElement);
  await settle(fixture);
  const element = fixture.nativeElement as HTMLElement;
  return {
    fixture,
    element,
    store,
    announced,
    emitted,
    /** Grades the attempt: the marks shown and the moves locked. */
    async mark(results: ItemResult[]) {
      fixture.componentRef.setInput('marks', new Map(results.map((result) => [result.itemId, result])));
      fixture.componentRef.setInput('locked', true);
      await settle(fixture);
    },
  };
}

export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await fixture.whenStable();
    fixture.detectChanges();
  }
}

/** A key pressed on an element, as the browser sends it (bubbling, cancelable). Returns whether it was handled (default prevented). */
export function press(target: Element | null, key: string): boolean {
  if (!target) throw new Error(`nothing to press ${key} on`);
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

export const focused = () => document.activeElement as HTMLElement | null;
