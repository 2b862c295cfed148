import { orderExercise } from '@tall/client/exercises/data-access/testing';
import { focused, press, renderView, settle } from './exercise-view.testing';
import { OrderExerciseView } from './order-exercise';

const words = (element: HTMLElement, itemId: string) => [...element.querySelectorAll(`[data-item-id="${itemId}"] [data-testid="order-token"]`)].map((tile) => tile.textContent?.trim());
const tile = (element: HTMLElement, itemId: string, position: number) => element.querySelector<HTMLElement>(`[data-item-id="${itemId}"] [data-testid="order-token"][data-position="${position}"]`);

describe('OrderExerciseView', () => {
  afterEach(() => document.body.replaceChildren());

  it('shows each sentence’s words with its closing mark, one tab stop per sentence, described by the keys', async () => {
    const { element } = await renderView(OrderExerciseView, orderExercise(), 'moved');
    expect(words(element, 'i1')).toEqual(['Utrecht', 'woon', 'Ik', 'in']);
    expect(element.querySelector('[data-item-id="i2"] .ending')?.textContent).toBe('!');
    expect([...element.querySelectorAll('[data-item-id="i1"] [data-testid="order-token"]')].map((button) => button.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1']);
    const first = tile(element, 'i1', 1);
    expect(first?.getAttribute('aria-label')).toBe('Utrecht, 1 of 4');
    expect(first?.getAttribute('aria-describedby')).toBe('order-help');
    expect(first?.getAttribute('aria-roledescription')).toBe('movable word');
    expect(element.querySelector('[data-item-id="i1"] [role="group"]')?.getAttribute('aria-labelledby')).toBe('order-label-i1');
    expect(element.querySelector('#order-label-i1')?.textContent).toContain('I live in Utrecht');
  });

  it('moves the focus with the arrows without moving a word', async () => {
    const { fixture, element, emitted } = await renderView(OrderExerciseView, orderExercise(), 'moved');
    tile(element, 'i1', 1)?.focus();
    expect(press(focused(), 'ArrowRight')).toBe(true);
    await settle(fixture);
    expect(focused()?.textContent?.trim()).toBe('woon');
    expect(tile(element, 'i1', 2)?.getAttribute('tabindex')).toBe('0');
    press(focused(), 'End');
    expect(focused()?.textContent?.trim()).toBe('in');
    press(focused(), 'ArrowRight');
    expect(focused()?.textContent?.trim()).toBe('in');
    expect(emitted).toEqual([]);
  });

  it('picks a word up with Space, moves it with the arrows announcing each place, and drops it with Space', async () => {
    const { fixture, element, announced, store } = await renderView(OrderExerciseView, orderExercise(), 'moved');
    tile(element, 'i1', 3)?.focus();
    press(focused(), ' ');
    await settle(fixture);
    expect(tile(element, 'i1', 3)?.getAttribute('aria-pressed')).toBe('true');
    expect(announced.at(-1)).toBe('Picked up “Ik”, position 3 of 4. Move it with the arrow keys, Space drops it, Escape cancels.');

    press(focused(), 'ArrowLeft');
    await settle(fixture);
    press(focused(), 'ArrowUp');
    await settle(fixture);
    expect(words(element, 'i1')).toEqual(['Ik', 'Utrecht', 'woon', 'in']);
    expect(announced.slice(-2)).toEqual(['Moved “Ik” to position 2 of 4.', 'Moved “Ik” to position 1 of 4.']);
    // The focus goes with the word.
    expect(focused()?.textContent?.trim()).toBe('Ik');
    expect(focused()?.getAttribute('aria-pressed')).toBe('true');

    press(focused(), ' ');
    await settle(fixture);
    expect(announced.at(-1)).toBe('Dropped “Ik” at position 1 of 4.');
    expect(element.querySelectorAll('[aria-pressed="true"]')).toHaveLength(0);
    // Not held any more: the arrows only move the focus.
    press(focused(), 'ArrowRight');
    await settle(fixture);
    expect(store.getState().answers['i1']).toEqual(['Ik', 'Utrecht', 'woon', 'in']);
    expect(focused()?.textContent?.trim()).toBe('Utrecht');
  });

  it('puts a held word back where it was on Escape, and drops it when the focus leaves the sentence', async () => {
    const { fixture, element, announced, store } = await renderView(OrderExerciseView, orderExercise(), 'moved');
    tile(element, 'i2', 1)?.focus();
    press(focused(), 'Enter');
    press(focused(), 'End');
    await settle(fixture);
    expect(store.getState().answers['i2']).toEqual(['Wij', 'zes', 'om', 'uur', 'eten']);
    press(focused(), 'Escape');
    await settle(fixture);
    expect(store.getState().answers['i2']).toEqual(['eten', 'Wij', 'zes', 'om', 'uur']);
    expect(announced.at(-1)).toBe('Move cancelled: “eten” is back at position 1 of 5.');
    expect(focused()?.textContent?.trim()).toBe('eten');

    press(focused(), ' ');
    press(focused(), 'ArrowRight');
    await settle(fixture);
    tile(element, 'i1', 1)?.focus();
    await settle(fixture);
    expect(announced.at(-1)).toBe('Dropped “eten” at position 2 of 5.');
    expect(element.querySelectorAll('[aria-pressed="true"]')).toHaveLength(0);
  });

  it('shows the marks and no longer moves words once graded', async () => {
    const { element, mark, emitted } = await renderView(OrderExerciseView, orderExercise(), 'moved');
    await mark([
      { itemId: 'i1', correct: false, expected: 'Ik woon in Utrecht.' },
      { itemId: 'i2', correct: true, expected: 'Wij eten om zes uur!' },
    ]);
    expect(element.querySelector('[data-item-id="i1"] [data-testid="exercise-expected"]')?.textContent).toBe('Ik woon in Utrecht.');
    expect(element.querySelector('[data-item-id="i2"] [data-testid="exercise-mark"]')?.getAttribute('data-correct')).toBe('true');
    tile(element, 'i1', 1)?.focus();
    expect(press(focused(), ' ')).toBe(false);
    expect(emitted).toEqual([]);
  });
});
