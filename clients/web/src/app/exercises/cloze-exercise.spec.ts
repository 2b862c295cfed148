import { clozeExercise } from '@tall/client/exercises/data-access/testing';
import { ClozeExerciseView } from './cloze-exercise';
import { focused, press, renderView, settle } from './exercise-view.testing';

const blank = (element: HTMLElement, itemId: string, index: number) => element.querySelector<HTMLInputElement>(`[data-testid="cloze-blank"][data-item-id="${itemId}"][data-blank="${index}"]`) as HTMLInputElement;
const bankWord = (element: HTMLElement, text: string) => [...element.querySelectorAll<HTMLButtonElement>('[data-testid="cloze-bank-word"]')].find((button) => button.textContent?.trim().endsWith(text)) as HTMLButtonElement;
const marked = (element: HTMLElement) => [...element.querySelectorAll('.blank.marked')].map((input) => `${input.getAttribute('data-item-id')}/${input.getAttribute('data-blank')}`);

describe('ClozeExerciseView', () => {
  afterEach(() => document.body.replaceChildren());

  it('shows each sentence with labelled blanks, its hint, and the word bank as one tab stop', async () => {
    const { element } = await renderView(ClozeExerciseView, clozeExercise(), 'filled');
    expect(element.querySelector('[data-item-id="i1"] .sentence')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Ik student.');
    expect(blank(element, 'i1', 0).getAttribute('aria-label')).toBe('Sentence 1, the blank');
    expect(blank(element, 'i2', 1).getAttribute('aria-label')).toBe('Sentence 2, blank 2 of 2');
    expect(blank(element, 'i2', 0).getAttribute('aria-describedby')).toBe('cloze-blank-keys cloze-hint-i2');
    expect(element.querySelector('#cloze-blank-keys')?.textContent).toBe('Down arrow: choose from the word bank.');
    expect([...element.querySelectorAll('[data-testid="cloze-bank-word"]')].map((button) => button.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1']);
    expect(marked(element)).toEqual(['i1/0']);
  });

  it('takes typed text', async () => {
    const { fixture, element, store } = await renderView(ClozeExerciseView, clozeExercise({ wordBank: null }), 'filled');
    expect(element.querySelector('[data-testid="cloze-bank"]')).toBeNull();
    expect(marked(element)).toEqual([]);
    const input = blank(element, 'i2', 1);
    input.value = 'zondag';
    input.dispatchEvent(new Event('input'));
    await settle(fixture);
    expect(store.getState().answers['i2']).toEqual(['', 'zondag']);
  });

  it('puts a bank word chosen with the arrows and Enter in the marked blank, then marks the next empty one', async () => {
    const { fixture, element, store, announced } = await renderView(ClozeExerciseView, clozeExercise(), 'filled');
    bankWord(element, 'zondag').focus();
    press(focused(), 'ArrowRight');
    expect(focused()).toBe(bankWord(element, 'ben'));
    bankWord(element, 'ben').click();
    await settle(fixture);
    expect(store.getState().answers['i1']).toEqual(['ben']);
    expect(announced.at(-1)).toBe('“ben” is in Sentence 1, the blank. Next: Sentence 2, blank 1 of 2.');
    expect(marked(element)).toEqual(['i2/0']);
    // The focus stays in the bank for the next word; the word used is marked so.
    expect(focused()).toBe(bankWord(element, 'ben'));
    expect(bankWord(element, 'ben').getAttribute('aria-label')).toBe('ben (used): put in the marked blank');

    press(focused(), 'End');
    expect(focused()).toBe(bankWord(element, 'zaterdag'));
    bankWord(element, 'zaterdag').click();
    await settle(fixture);
    press(focused(), 'Home');
    bankWord(element, 'zondag').click();
    await settle(fixture);
    expect(store.getState().answers).toEqual({ i1: ['ben'], i2: ['zaterdag', 'zondag'] });
    expect(announced.at(-1)).toBe('“zondag” is in Sentence 2, blank 2 of 2. Every blank is filled.');
  });

  it('puts a bank word in the blank the student tapped, but not in one Tab only passed through', async () => {
    const { fixture, element, store } = await renderView(ClozeExerciseView, clozeExercise(), 'filled');
    blank(element, 'i2', 0).focus();
    await settle(fixture);
    expect(marked(element)).toEqual(['i1/0']);
    blank(element, 'i2', 1).click();
    await settle(fixture);
    expect(marked(element)).toEqual(['i2/1']);
    bankWord(element, 'zondag').click();
    await settle(fixture);
    expect(store.getState().answers['i2']).toEqual(['', 'zondag']);
    // The mark moves on round to the first empty blank.
    expect(marked(element)).toEqual(['i1/0']);
  });

  it('goes from a blank to the bank with the down arrow, for that blank, and back with Escape', async () => {
    const { fixture, element, store, announced } = await renderView(ClozeExerciseView, clozeExercise(), 'filled');
    expect(blank(element, 'i2', 1).getAttribute('aria-describedby')).toBe('cloze-blank-keys cloze-hint-i2');
    blank(element, 'i2', 1).focus();
    expect(press(focused(), 'ArrowDown')).toBe(true);
    await settle(fixture);
    expect(focused()).toBe(bankWord(element, 'zondag'));
    expect(marked(element)).toEqual(['i2/1']);
    expect(announced.at(-1)).toBe('Word bank, for Sentence 2, blank 2 of 2: choose a word with the arrow keys and press Enter. Escape goes back.');
    press(focused(), 'Escape');
    expect(focused()).toBe(blank(element, 'i2', 1));
    press(focused(), 'ArrowDown');
    bankWord(element, 'zondag').click();
    await settle(fixture);
    expect(store.getState().answers['i2']).toEqual(['', 'zondag']);
  });

  it('shows the marks with the expected words and locks the blanks', async () => {
    const { element, mark } = await renderView(ClozeExerciseView, clozeExercise(), 'filled');
    await mark([
      { itemId: 'i1', correct: true, expected: ['ben'] },
      { itemId: 'i2', correct: false, expected: ['zaterdag', 'zondag'] },
    ]);
    expect(element.querySelector('[data-item-id="i2"] [data-testid="exercise-expected"]')?.textContent).toBe('zaterdag … zondag');
    expect(blank(element, 'i1', 0).readOnly).toBe(true);
    expect(marked(element)).toEqual([]);
    expect(element.querySelector('[data-testid="cloze-bank"]')).toBeNull();
  });
});
