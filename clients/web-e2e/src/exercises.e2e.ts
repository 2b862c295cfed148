import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { seedExercise, sentenceWords } from './support/exercise-seed';
import { root } from './support/stack';
import { newPerson, shot, signUp } from './support/tall';

/**
 * Exercises, as a student: this week's set and the catalog, one exercise of every type solved with
 * the mouse (real drags, which the CDK needs) and one of every type with the keyboard alone, each
 * to full marks, and the count in My progress. The answers come from the school's seed files.
 */
test('exercises: every type solved by dragging and by keyboard alone, to full marks, and counted in my progress', async ({ page }, testInfo) => {
  test.setTimeout(360_000);
  await signUp(page, newPerson('Amira', 'Haddad'));
  // Built in this app now: the product opens from the lobby, no longer "coming soon".
  await expect(page.locator('.product.soon').filter({ hasText: 'Exercises' })).toHaveCount(0);
  await page.getByRole('link', { name: /Exercises/ }).click();
  await expect(page.getByRole('heading', { name: 'Exercises', level: 1 })).toBeVisible();

  // This week's set: a new student has no cards yet, so it is made from dictionary words of A1.
  await expect(page.getByTestId('exercises-weekly-card').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('exercises-weekly')).toContainText('Made from dictionary words at your level.');
  await expect(page.getByTestId('exercises-card').first()).toBeVisible();
  await expect(page.getByTestId('exercises-card').first().getByTestId('exercise-not-done')).toBeVisible();
  await shot(page, testInfo, '70-exercises-list');

  // The catalog by type and level.
  await page.getByTestId('exercises-filter-type').click();
  await page.getByRole('option', { name: 'Matching pairs' }).click();
  await page.getByTestId('exercises-filter-level').click();
  await page.getByRole('option', { name: 'A1', exact: true }).click();
  await expect(page.getByTestId('exercises-count')).toHaveText('2 exercises');
  await expect(page.getByTestId('exercises-card').and(page.locator(':not([data-type="match"]), :not([data-level="A1"])'))).toHaveCount(0);
  await page.getByTestId('exercises-clear-filters').click();
  await expect(page.getByTestId('exercises-count')).toHaveText(/^\s*2\d exercises\s*$/);

  // By mouse (or finger): drag every answer into place.
  await open(page, 'zinnen-mijn-dag');
  await solveOrderByDragging(page, 'zinnen-mijn-dag', async () => dragShot(page, testInfo, '71-order-dragging'));
  await submitAndExpectFullMarks(page, testInfo, '72-order-marked');

  await open(page, 'getallen-en-cijfers');
  await solveMatchByDragging(page, 'getallen-en-cijfers', async () => dragShot(page, testInfo, '73-match-dragging'));
  await submitAndExpectFullMarks(page, testInfo, '74-match-marked');

  await open(page, 'de-of-het-in-huis');
  await solveBucketsByDragging(page, 'de-of-het-in-huis', async () => dragShot(page, testInfo, '75-buckets-dragging'));
  await submitAndExpectFullMarks(page, testInfo, '76-buckets-marked');

  await open(page, 'zijn-en-hebben');
  await solveClozeByDragging(page, 'zijn-en-hebben', async () => dragShot(page, testInfo, '77-cloze-dragging'));
  await submitAndExpectFullMarks(page, testInfo, '78-cloze-marked');

  // The list shows what was done.
  await page.getByTestId('exercise-back').first().click();
  await page.getByTestId('exercises-filter-level').click();
  await page.getByRole('option', { name: 'A1', exact: true }).click();
  await expect(page.getByTestId('exercises-card').filter({ has: page.getByTestId('exercise-last-score') })).toHaveCount(4);
  await expect(page.locator('[data-testid="exercises-card"][data-exercise-id="zinnen-mijn-dag"]').getByTestId('exercise-last-score')).toHaveText(/Last score: 5 \/ 5/);

  // By keyboard alone, on four others: no click once the exercise is open.
  await open(page, 'zinnen-aan-tafel');
  await solveOrderByKeyboard(page, 'zinnen-aan-tafel', async () => shot(page, testInfo, '80-order-keyboard'));
  await submitByKeyboard(page, testInfo, '81-order-keyboard-marked');

  await open(page, 'vragen-en-antwoorden');
  await solveMatchByKeyboard(page, 'vragen-en-antwoorden', async () => shot(page, testInfo, '82-match-keyboard'));
  await submitByKeyboard(page, testInfo, '83-match-keyboard-marked');

  await open(page, 'de-of-het-eten-en-drinken');
  await solveBucketsByKeyboard(page, 'de-of-het-eten-en-drinken', async () => shot(page, testInfo, '84-buckets-keyboard-menu'));
  await submitByKeyboard(page, testInfo, '85-buckets-keyboard-marked');

  await open(page, 'het-weer');
  await solveClozeByKeyboard(page, 'het-weer', async () => shot(page, testInfo, '86-cloze-keyboard'));
  await submitByKeyboard(page, testInfo, '87-cloze-keyboard-marked');

  // My progress counts the eight exercises (the record is built from the events, a moment later).
  await page.goto('/');
  // The lobby may still move its cards (the "continue" banner comes in above them).
  await expect(async () => {
    await page.getByRole('link', { name: /My progress/ }).click();
    await expect(page).toHaveURL(/\/progress$/, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect
    .poll(
      async () => {
        await page.reload();
        return (await page.getByTestId('progress-exercises-done').textContent({ timeout: 10_000 }))?.trim();
      },
      { timeout: 60_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toMatch(/^8$/);
  await expect(page.getByTestId('progress-exercise-average')).toHaveText(/^\s*100\s*%\s*$/);
  await shot(page, testInfo, '88-progress-exercises');
});

// ---- steps ---------------------------------------------------------------------------------

/**
 * The screen as it is in the middle of a drag, beside shot()'s pictures. Only what the window
 * shows: a full-page picture resizes the window, which moves the page under the held word.
 */
async function dragShot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const directory = join(root, 'tmp/screenshots', testInfo.project.name);
  mkdirSync(directory, { recursive: true });
  await page.screenshot({ path: join(directory, `${name}.png`) });
}

async function open(page: Page, slug: string): Promise<void> {
  await page.goto(`/exercises/${slug}`);
  await expect(page.getByTestId('exercise-page')).toHaveAttribute('data-exercise-id', slug);
}

async function submitAndExpectFullMarks(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const graded = gradedAttempt(page);
  await page.getByTestId('exercise-submit').click();
  expect((await graded).status()).toBe(201);
  await expectFullMarks(page);
  await shot(page, testInfo, name);
}

async function submitByKeyboard(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await tabTo(page, page.getByTestId('exercise-submit'));
  const graded = gradedAttempt(page);
  await page.keyboard.press('Enter');
  expect((await graded).status()).toBe(201);
  await expectFullMarks(page);
  // The score takes the focus, so it is read out first.
  await expect(page.getByTestId('exercise-score')).toBeFocused();
  await shot(page, testInfo, name);
}

/** The API's answer to the attempt being handed in (the server grades it). */
function gradedAttempt(page: Page) {
  return page.waitForResponse((response) => response.request().method() === 'POST' && /\/api\/v1\/exercises\/[^/]+\/attempts$/.test(response.url()), { timeout: 60_000 });
}

async function expectFullMarks(page: Page): Promise<void> {
  const score = page.getByTestId('exercise-score');
  await expect(score).toContainText(/Your score: \d+ of \d+/);
  const [, right, of] = /Your score: (\d+) of (\d+)/.exec((await score.textContent()) ?? '') ?? [];
  expect(Number(right)).toBeGreaterThan(0);
  expect(right).toBe(of);
  // Every item marked, none wrong: the marks under the items, or on the sorted words.
  await expect(page.locator('[data-testid="exercise-mark"], [data-testid="bucket-word"]').and(page.locator('[data-correct="true"]'))).toHaveCount(Number(of));
  await expect(page.locator('[data-correct="false"]')).toHaveCount(0);
}

// ---- by mouse ------------------------------------------------------------------------------

/**
 * A drag as a hand makes it: press on the source, move past the CDK's threshold, travel to the
 * target in steps and a little further the same way (the CDK sorts on pointer moves), let go.
 * `leading`: aim at the target's leading edge, where a word dragged back over it lands before it
 * (the middle of a longer word can be the place the dragged word just left, which swaps it back).
 */
async function drag(page: Page, source: Locator, target: Locator, { during, leading = false }: { during?: () => Promise<void>; leading?: boolean } = {}): Promise<void> {
  // Away from the window's edges, where the CDK scrolls the page under the pointer.
  await target.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await source.scrollIntoViewIfNeeded();
  const from = await pointOn(source, false);
  const to = await pointOn(target, leading);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 6, from.y + 6, { steps: 3 });
  // At a hand's pace, a frame per step: Chromium merges the moves of one frame, and the CDK sorts
  // on each move it sees (a jump over a line break can land a place off).
  for (let step = 1; step <= 15; step++) {
    await page.mouse.move(from.x + ((to.x - from.x) * step) / 15, from.y + ((to.y - from.y) * step) / 15);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
  await page.mouse.move(to.x + Math.sign(to.x - from.x), to.y + Math.sign(to.y - from.y), { steps: 2 });
  if (during) await during();
  await page.mouse.up();
  // The dropped word flies to its place first; the list shows the new order once that is over.
  await expect(page.locator('.cdk-drag-preview, .cdk-drag-placeholder')).toHaveCount(0);
}

async function pointOn(locator: Locator, leading: boolean): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} is not on screen`);
  return { x: leading ? box.x + Math.min(10, box.width / 4) : box.x + box.width / 2, y: box.y + box.height / 2 };
}

const item = (page: Page, itemId: string) => page.locator(`[data-testid="exercise-item"][data-item-id="${itemId}"]`);
const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
const tokensOf = async (row: Locator) => (await row.getByTestId('order-token').allTextContents()).map((token) => token.trim());

async function solveOrderByDragging(page: Page, slug: string, whileDragging: () => Promise<void>): Promise<void> {
  let first = true;
  for (const { id, sentence } of seedExercise(slug, 'order').items) {
    const row = item(page, id);
    const words = sentenceWords(sentence);
    // As a person does it: the first word out of place is dragged to its place, until the sentence
    // stands. A drop at the start of a line is ambiguous (the gap may open at the end of the line
    // above); when a drag lands a place off, the next try aims at the word's middle instead.
    for (let drags = 0, missed = 0; drags < words.length * 3; drags++) {
      const current = await tokensOf(row);
      const place = current.findIndex((token, index) => token !== words[index]);
      if (place < 0) break;
      const from = current.findIndex((token, index) => index > place && token === words[place]);
      const tokens = row.getByTestId('order-token');
      await drag(page, tokens.nth(from), tokens.nth(place), { during: first ? whileDragging : undefined, leading: missed % 2 === 0 });
      first = false;
      if ((await tokensOf(row))[place] !== words[place]) missed++;
    }
    expect(await tokensOf(row)).toEqual(words);
  }
}

async function solveMatchByDragging(page: Page, slug: string, whileDragging: () => Promise<void>): Promise<void> {
  const pairs = seedExercise(slug, 'match').items;
  for (const [index, { id, right }] of pairs.entries()) {
    const option = page.getByTestId('match-option').filter({ hasText: exactly(right) });
    await drag(page, option, item(page, id).getByTestId('match-slot'), { during: index === 2 ? whileDragging : undefined });
    await expect(item(page, id).getByTestId('match-placed')).toHaveText(exactly(right));
  }
  await expect(page.getByTestId('match-option')).toHaveCount(0);
}

async function solveBucketsByDragging(page: Page, slug: string, whileDragging: () => Promise<void>): Promise<void> {
  const { items } = seedExercise(slug, 'buckets');
  for (const [index, { id, bucket }] of items.entries()) {
    const list = page.locator(`[data-testid="bucket"][data-bucket-id="${bucket}"] [data-testid="bucket-list"]`);
    await drag(page, page.locator(`[data-testid="bucket-word"][data-item-id="${id}"]`), list, { during: index === 3 ? whileDragging : undefined });
    await expect(list.locator(`[data-testid="bucket-word"][data-item-id="${id}"]`)).toBeVisible();
  }
  await expect(page.getByTestId('bucket-pool').getByTestId('bucket-word')).toHaveCount(0);
}

async function solveClozeByDragging(page: Page, slug: string, whileDragging: () => Promise<void>): Promise<void> {
  const { items } = seedExercise(slug, 'cloze');
  for (const [index, { id, blanks }] of items.entries()) {
    for (const [place, { answer }] of blanks.entries()) {
      const blank = page.locator(`[data-testid="cloze-blank"][data-item-id="${id}"][data-blank="${place}"]`);
      await drag(page, page.locator(`[data-testid="cloze-bank-word"][data-word="${answer}"]`), blank, { during: index === 1 && place === 0 ? whileDragging : undefined });
      await expect(blank).toHaveValue(answer);
    }
  }
}

// ---- by keyboard ---------------------------------------------------------------------------

/** Tab (or Shift+Tab) until the element has the focus, as a keyboard user gets there. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    const forward = await target.evaluate((element) => {
      const active = document.activeElement;
      return !active || active === document.body || !!(active.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    await page.keyboard.press(forward ? 'Tab' : 'Shift+Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

async function pressTimes(page: Page, key: string, times: number): Promise<void> {
  for (let count = 0; count < times; count++) await page.keyboard.press(key);
}

async function solveOrderByKeyboard(page: Page, slug: string, whilePicked: () => Promise<void>): Promise<void> {
  let first = true;
  for (const { id, sentence } of seedExercise(slug, 'order').items) {
    const row = item(page, id);
    const words = sentenceWords(sentence);
    // One tab stop per sentence; the arrows move between its words.
    await tabTo(page, row.locator('[data-testid="order-token"][tabindex="0"]'));
    let focus = Number(await page.locator(':focus').getAttribute('data-position')) - 1;
    for (let place = 0; place < words.length; place++) {
      const current = await tokensOf(row);
      const from = current.findIndex((token, index) => index >= place && token === words[place]);
      if (from === place) continue;
      await pressTimes(page, from > focus ? 'ArrowRight' : 'ArrowLeft', Math.abs(from - focus));
      await expect(page.locator(':focus')).toHaveText(exactly(words[place]));
      await page.keyboard.press('Space');
      await expect(page.locator(':focus')).toHaveAttribute('aria-pressed', 'true');
      await pressTimes(page, 'ArrowLeft', from - place);
      if (first) await whilePicked();
      first = false;
      await page.keyboard.press('Space');
      focus = place;
      await expect(page.locator(':focus')).toHaveAttribute('aria-pressed', 'false');
    }
    await expect.poll(() => tokensOf(row)).toEqual(words);
  }
}

async function solveMatchByKeyboard(page: Page, slug: string, midway: () => Promise<void>): Promise<void> {
  const pairs = seedExercise(slug, 'match').items;
  for (const [index, { id, left, right }] of pairs.entries()) {
    await tabTo(page, item(page, id).getByTestId('match-item'));
    await expect(page.locator(':focus')).toHaveText(exactly(left));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByTestId('match-option').filter({ hasText: exactly(right) }));
    if (index === 2) await midway();
    await page.keyboard.press('Enter');
    await expect(item(page, id).getByTestId('match-placed')).toHaveText(exactly(right));
  }
}

async function solveBucketsByKeyboard(page: Page, slug: string, withMenu: () => Promise<void>): Promise<void> {
  const { buckets, items } = seedExercise(slug, 'buckets');
  const bucketOf = (itemId: string | null) => items.find((candidate) => candidate.id === itemId)?.bucket ?? '';
  const pool = page.getByTestId('bucket-pool').getByTestId('bucket-word');
  // The first word by its menu: Enter opens it, the arrows choose, Enter puts the word there.
  await tabTo(page, pool.first());
  const firstId = await page.locator(':focus').getAttribute('data-item-id');
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await pressTimes(page, 'ArrowDown', buckets.findIndex((bucket) => bucket.id === bucketOf(firstId)));
  await withMenu();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  // The rest by their keys: the focus stays among the words still to sort.
  while ((await pool.count()) > 0) {
    const focused = page.locator(':focus');
    await expect(focused).toHaveAttribute('data-testid', 'bucket-word');
    const itemId = await focused.getAttribute('data-item-id');
    await page.keyboard.press(String(buckets.findIndex((bucket) => bucket.id === bucketOf(itemId)) + 1));
    await expect(page.locator(`[data-testid="bucket"] [data-item-id="${itemId}"]`)).toBeVisible();
  }
}

async function solveClozeByKeyboard(page: Page, slug: string, midway: () => Promise<void>): Promise<void> {
  const blanks = seedExercise(slug, 'cloze').items.flatMap(({ id, blanks }) => blanks.map(({ answer }, place) => ({ id, place, answer })));
  const blankOf = ({ id, place }: { id: string; place: number }) => page.locator(`[data-testid="cloze-blank"][data-item-id="${id}"][data-blank="${place}"]`);
  const words = await page.getByTestId('cloze-bank-word').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-word')));
  let focus = 0;
  const choose = async (answer: string) => {
    const target = words.indexOf(answer);
    await pressTimes(page, target > focus ? 'ArrowRight' : 'ArrowLeft', Math.abs(target - focus));
    focus = target;
    await expect(page.locator(':focus')).toHaveAttribute('data-word', answer);
    await page.keyboard.press('Enter');
  };
  // Most from the word bank under the sentences: Tab passes the blanks (the mark stays on the first
  // empty one), the bank is one tab stop, the arrows choose, Enter fills the marked blank.
  await tabTo(page, page.locator('[data-testid="cloze-bank-word"][tabindex="0"]'));
  for (const [index, blank] of blanks.slice(0, -2).entries()) {
    await expect(blankOf(blank)).toHaveClass(/marked/);
    await choose(blank.answer);
    await expect(blankOf(blank)).toHaveValue(blank.answer);
    if (index === 2) await midway();
  }
  // One from its blank: the down arrow goes to the bank for it.
  const chosen = blanks[blanks.length - 2];
  await tabTo(page, blankOf(chosen));
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).toHaveAttribute('data-testid', 'cloze-bank-word');
  await choose(chosen.answer);
  await expect(blankOf(chosen)).toHaveValue(chosen.answer);
  // The last one typed.
  const last = blanks[blanks.length - 1];
  await tabTo(page, blankOf(last));
  await page.keyboard.type(last.answer);
  await expect(blankOf(last)).toHaveValue(last.answer);
}
