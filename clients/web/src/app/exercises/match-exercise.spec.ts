import { matchExercise } from '@tall/client/exercises/data-access/testing';
import { focused, press, renderView, settle } from './exercise-view.testing';
import { MatchExerciseView } from './match-exercise';

const item = (element: HTMLElement, itemId: string) => element.querySelector<HTMLButtonElement>(`[data-item-id="${itemId}"] [data-testid="match-item"]`) as HTMLButtonElement;
const option = (element: HTMLElement, text: string) => [...element.querySelectorAll<HTMLButtonElement>('[data-testid="match-option"]')].find((button) => button.textContent?.trim() === text) as HTMLButtonElement;
const pool = (element: HTMLElement) => [...element.querySelectorAll('[data-testid="match-option"]')].map((button) => button.textContent?.trim());
const placed = (element: HTMLElement, itemId: string) => element.querySelector<HTMLButtonElement>(`[data-item-id="${itemId}"] [data-testid="match-placed"]`);

describe('MatchExerciseView', () => {
  afterEach(() => document.body.replaceChildren());

  it('shows the items with empty places and the answers still free, labelled for screen readers', async () => {
    const { element } = await renderView(MatchExerciseView, matchExercise(), 'matched');
    expect(pool(element)).toEqual(['20', '9', '12']);
    expect(item(element, 'i1').getAttribute('aria-label')).toBe('negen: no answer yet');
    expect(item(element, 'i1').getAttribute('aria-pressed')).toBe('false');
    expect(element.querySelector('#match-pool-title')?.textContent).toContain('Answers to place (3)');
  });

  it('matches an item, then its answer, with Enter (a click), and moves on to the next item without an answer', async () => {
    const { fixture, element, announced, store } = await renderView(MatchExerciseView, matchExercise(), 'matched');
    item(element, 'i1').focus();
    item(element, 'i1').click();
    await settle(fixture);
    expect(item(element, 'i1').getAttribute('aria-pressed')).toBe('true');
    expect(announced.at(-1)).toBe('“negen” chosen. Now choose its answer.');

    option(element, '9').click();
    await settle(fixture);
    expect(store.getState().answers).toEqual({ i1: '9' });
    expect(announced.at(-1)).toBe('“negen” matched with “9”.');
    expect(pool(element)).toEqual(['20', '12']);
    expect(placed(element, 'i1')?.textContent?.trim()).toBe('9');
    expect(item(element, 'i1').getAttribute('aria-label')).toBe('negen: matched with 9');
    expect(focused()).toBe(item(element, 'i2'));
  });

  it('matches the other way round too: the answer first, then its item', async () => {
    const { fixture, element, announced, store } = await renderView(MatchExerciseView, matchExercise(), 'matched');
    option(element, '20').click();
    await settle(fixture);
    expect(announced.at(-1)).toBe('“20” chosen. Now choose the item it belongs to.');
    expect(option(element, '20').getAttribute('aria-pressed')).toBe('true');
    item(element, 'i3').click();
    await settle(fixture);
    expect(store.getState().answers).toEqual({ i3: '20' });
    // The next item without an answer, wrapping round to the first.
    expect(focused()).toBe(item(element, 'i1'));
  });

  it('forgets a choice on Escape and takes a placed answer back with Enter', async () => {
    const { fixture, element, announced, store } = await renderView(MatchExerciseView, matchExercise(), 'matched');
    item(element, 'i2').click();
    press(item(element, 'i2'), 'Escape');
    await settle(fixture);
    expect(announced.at(-1)).toBe('Choice cancelled.');
    expect(element.querySelectorAll('[aria-pressed="true"]')).toHaveLength(0);

    item(element, 'i2').click();
    option(element, '12').click();
    await settle(fixture);
    // Another answer for the same item sends the first back.
    item(element, 'i2').click();
    option(element, '20').click();
    await settle(fixture);
    expect(store.getState().answers).toEqual({ i2: '20' });
    expect(pool(element)).toEqual(['9', '12']);

    expect(placed(element, 'i2')?.getAttribute('aria-label')).toBe('20, the answer to twaalf. Press Enter to take it back.');
    placed(element, 'i2')?.click();
    await settle(fixture);
    expect(store.getState().answers).toEqual({});
    expect(announced.at(-1)).toBe('“20” taken back from “twaalf”.');
    expect(focused()).toBe(item(element, 'i2'));
  });

  it('ignores the click a drag may leave behind, and shows the marks once graded', async () => {
    const { fixture, element, store, mark } = await renderView(MatchExerciseView, matchExercise(), 'matched');
    const echo = new MouseEvent('click', { bubbles: true, detail: 1 });
    (fixture.componentInstance as unknown as { guard: { dragEnded(): void } }).guard.dragEnded();
    item(element, 'i1').dispatchEvent(echo);
    await settle(fixture);
    expect(item(element, 'i1').getAttribute('aria-pressed')).toBe('false');

    store.getState().match('i1', '12');
    fixture.componentRef.setInput('answers', store.getState().answers);
    await mark([
      { itemId: 'i1', correct: false, expected: '9' },
      { itemId: 'i2', correct: false, expected: '12' },
      { itemId: 'i3', correct: false, expected: '20' },
    ]);
    expect([...element.querySelectorAll('[data-testid="exercise-expected"]')].map((node) => node.textContent)).toEqual(['9', '12', '20']);
    // Every answer stands beside its item now: no answers left to place.
    expect(element.querySelector('[data-testid="match-pool"]')).toBeNull();
    item(element, 'i2').click();
    await settle(fixture);
    expect(item(element, 'i2').getAttribute('aria-pressed')).toBe('false');
  });
});
