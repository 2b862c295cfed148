import { OverlayContainer } from '@angular/cdk/overlay';
import { TestBed } from '@angular/core/testing';
import { bucketsExercise } from '@tall/client/exercises/data-access/testing';
import { BucketsExerciseView } from './buckets-exercise';
import { focused, press, renderView, settle } from './exercise-view.testing';

const word = (element: HTMLElement, itemId: string) => element.querySelector<HTMLButtonElement>(`[data-testid="bucket-word"][data-item-id="${itemId}"]`) as HTMLButtonElement;
const wordsIn = (element: HTMLElement, bucketId: string | null) =>
  [...element.querySelectorAll(bucketId === null ? '[data-testid="bucket-pool"] [data-testid="bucket-word"]' : `[data-testid="bucket"][data-bucket-id="${bucketId}"] [data-testid="bucket-word"]`)].map((tile) =>
    tile.getAttribute('data-item-id'),
  );

describe('BucketsExerciseView', () => {
  afterEach(() => document.body.replaceChildren());

  it('shows the words to sort and one area per bucket with its key, the keys in the help', async () => {
    const { element } = await renderView(BucketsExerciseView, bucketsExercise(), 'sorted');
    expect(wordsIn(element, null)).toEqual(['i2', 'i1', 'i3']);
    expect([...element.querySelectorAll('[data-testid="bucket"] kbd')].map((key) => key.textContent)).toEqual(['1', '2']);
    expect(element.querySelector('#buckets-help')?.textContent).toContain('press 1 (de), 2 (het) to put it in that group');
    expect(word(element, 'i1').getAttribute('aria-label')).toBe('huis, not sorted yet');
  });

  it('sends the focused word to a bucket with its digit, announces the count, and keeps the focus among the unsorted words', async () => {
    const { fixture, element, announced, store } = await renderView(BucketsExerciseView, bucketsExercise(), 'sorted');
    word(element, 'i1').focus();
    expect(press(focused(), '2')).toBe(true);
    await settle(fixture);
    expect(store.getState().answers).toEqual({ i1: 'het' });
    expect(wordsIn(element, 'het')).toEqual(['i1']);
    expect(announced.at(-1)).toBe('“huis” is in “het”, which now has 1.');
    // The next unsorted word took its place.
    expect(focused()).toBe(word(element, 'i3'));
    press(focused(), '2');
    await settle(fixture);
    expect(announced.at(-1)).toBe('“raam” is in “het”, which now has 2.');
    expect(focused()).toBe(word(element, 'i2'));
    press(focused(), '1');
    await settle(fixture);
    // None left to sort: the focus follows the word.
    expect(focused()).toBe(word(element, 'i2'));
    expect(word(element, 'i2').getAttribute('aria-label')).toBe('deur, in de');

    // 0 takes a word back; a digit past the buckets does nothing.
    expect(press(word(element, 'i1'), '9')).toBe(false);
    press(word(element, 'i1'), '0');
    await settle(fixture);
    expect(wordsIn(element, null)).toEqual(['i1']);
    expect(announced.at(-1)).toBe('“huis” is back among the words to sort.');
  });

  it('moves between the words of a list with the arrows', async () => {
    const { element } = await renderView(BucketsExerciseView, bucketsExercise(), 'sorted');
    word(element, 'i2').focus();
    press(focused(), 'ArrowRight');
    expect(focused()).toBe(word(element, 'i1'));
    press(focused(), 'ArrowLeft');
    expect(focused()).toBe(word(element, 'i2'));
  });

  it('opens a menu of the buckets on Enter (a click) and sorts the word by it', async () => {
    const { fixture, element, store } = await renderView(BucketsExerciseView, bucketsExercise(), 'sorted');
    word(element, 'i1').focus();
    word(element, 'i1').click();
    await settle(fixture);
    const overlay = TestBed.inject(OverlayContainer).getContainerElement();
    const items = [...overlay.querySelectorAll<HTMLButtonElement>('[data-testid="bucket-menu-item"]')];
    expect(items.map((menuItem) => [menuItem.querySelector('.menu-key')?.textContent, menuItem.querySelector('.menu-key + span')?.textContent])).toEqual([
      ['1', 'Put in “de”'],
      ['2', 'Put in “het”'],
    ]);
    items[1].click();
    await settle(fixture);
    expect(store.getState().answers).toEqual({ i1: 'het' });
    expect(focused()).toBe(word(element, 'i3'));
  });

  it('marks each word right or wrong with the bucket it belongs in, and locks the words', async () => {
    const { fixture, element, store, mark } = await renderView(BucketsExerciseView, bucketsExercise(), 'sorted');
    store.getState().sort('i1', 'de');
    fixture.componentRef.setInput('answers', store.getState().answers);
    await mark([
      { itemId: 'i1', correct: false, expected: 'het' },
      { itemId: 'i2', correct: false, expected: 'de' },
      { itemId: 'i3', correct: false, expected: 'het' },
    ]);
    expect(word(element, 'i1').getAttribute('data-correct')).toBe('false');
    expect(word(element, 'i1').querySelector('[data-testid="exercise-expected"]')?.textContent).toContain('→ het');
    expect(word(element, 'i1').getAttribute('aria-label')).toBe('huis, in de. Not correct. It belongs in het.');
    expect(press(word(element, 'i1'), '2')).toBe(false);
    expect(store.getState().answers).toEqual({ i1: 'de' });
  });
});
