import { expect, test, type Page } from '@playwright/test';
import { epubFixture } from '@tall/platform/testing';
import { newPerson, shot, signUp } from './support/tall';

const knownPercent = async (page: Page) => Number(await page.getByTestId('reader-known-percent').textContent());

test('reader: import an EPUB, read it, mark words, save one to the learning cards, and take a library test', async ({ page }, testInfo) => {
  await signUp(page, newPerson('Noor', 'Bakker'));
  // Exercises have their screens now: the product opens, it is not shown as coming.
  await expect(page.locator('.product.soon').filter({ hasText: 'Exercises' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Exercises/ })).toBeVisible();
  await page.getByRole('link', { name: /Reader/ }).click();
  await expect(page.getByRole('heading', { name: 'Reader', level: 1 })).toBeVisible();
  await expect(page.getByTestId('library-card').first()).toBeVisible();
  await shot(page, testInfo, '60-reader-library');

  // The level filter narrows the library to A1.
  await page.getByTestId('library-filter-level').click();
  await page.getByRole('option', { name: 'A1', exact: true }).click();
  await expect(page.getByTestId('library-card').locator('.chip.level').filter({ hasNotText: 'A1' })).toHaveCount(0);
  await page.getByTestId('library-clear-filters').click();

  // Import a small book: its chapters become sections of one text.
  const book = await epubFixture(
    [
      { file: 'h1.xhtml', html: '<html><body><h1>De markt</h1><p>Op zaterdag gaat Sanne naar de markt.</p><p>Ze koopt appels en een grote kaas. Ze belt haar moeder op.</p></body></html>' },
      { file: 'h2.xhtml', html: '<html><body><h1>Thuis</h1><p>Thuis eet Sanne een appel. De kaas is lekker.</p></body></html>' },
    ],
    { title: 'Sanne op de markt' },
  );
  await page.getByTestId('library-import').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('tab', { name: 'File' }).click();
  await dialog.getByTestId('import-file-input').setInputFiles({ name: 'sanne.epub', mimeType: 'application/epub+zip', buffer: book });
  await expect(dialog.getByTestId('import-file-name')).toContainText('sanne.epub');
  await shot(page, testInfo, '61-reader-import');
  await dialog.getByTestId('import-submit').click();

  // The new text opens; every word starts new.
  await expect(page.getByTestId('reader-title')).toHaveText('Sanne op de markt');
  await expect(page.getByRole('heading', { name: 'De markt', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Thuis', exact: true })).toBeVisible();
  expect(await knownPercent(page)).toBe(0);

  // Tap a word: its translation, then mark it known; "% known" rises.
  const markt = page.getByTestId('reader-word').filter({ hasText: /^markt$/ }).first();
  await markt.click();
  const sheet = page.getByTestId('word-sheet');
  await expect(sheet.getByTestId('word-translation')).toHaveText(/market/i);
  await shot(page, testInfo, '62-reader-word');
  await sheet.getByTestId('word-mark-known').click();
  await expect(markt).toHaveAttribute('data-state', 'known');
  await expect.poll(() => knownPercent(page)).toBeGreaterThan(0);
  const afterOne = await knownPercent(page);

  // The keyboard reaches the words too: Enter opens the one in focus, and a second word becomes known.
  const kaas = page.getByTestId('reader-word').filter({ hasText: /^kaas$/ }).first();
  await kaas.focus();
  await page.keyboard.press('Enter');
  await expect(sheet.getByTestId('word-translation')).toHaveText(/cheese/i);
  await sheet.getByTestId('word-mark-known').click();
  await expect(kaas).toHaveAttribute('data-state', 'known');
  await expect.poll(() => knownPercent(page)).toBeGreaterThan(afterOne);

  // Save "appels" to the learning cards with its sentence.
  const appels = page.getByTestId('reader-word').filter({ hasText: /^appels$/ }).first();
  await appels.click();
  await sheet.getByTestId('word-save').click();
  // Saved under its dictionary form.
  await expect(page.getByText('“appel” is saved to your learning cards.')).toBeVisible();
  await expect(appels).toHaveAttribute('data-state', 'learning');
  await appels.click();
  await expect(sheet.getByTestId('word-save')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await shot(page, testInfo, '63-reader-text');

  // The lobby offers to continue this text.
  await page.getByRole('link', { name: 'Tall, to the lobby' }).click();
  await expect(page.getByRole('heading', { name: 'Continue where you left off' })).toBeVisible();

  // The saved word waits among today's learning cards.
  await page.getByRole('link', { name: /Learning cards/ }).click();
  await expect(page.getByText('1 cards to go today')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'My words' }).click();
  await expect(page.getByText(/appel/).first()).toBeVisible({ timeout: 30_000 });

  // A library text with a test: the questions carry no answers, the server grades them.
  await page.goto('/read');
  const withTest = page.getByTestId('library-card').filter({ has: page.getByTestId('library-test-badge') }).first();
  const title = (await withTest.getByRole('heading').textContent())?.trim() ?? '';
  await withTest.getByTestId('library-read').click();
  await page.getByTestId('reader-take-test').click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText('Answer the questions about the text.')).toBeVisible();
  const questions = page.getByTestId('test-question');
  await expect(questions.first()).toBeVisible();
  for (const question of await questions.all()) {
    const type = await question.getAttribute('data-type');
    if (type === 'multipleChoice') await question.getByTestId('test-option').first().click();
    else if (type === 'trueFalse') await question.getByTestId('test-true').click();
    else if (type === 'shortAnswer') await question.getByTestId('test-short-answer').fill('de markt');
    else if (type === 'order') await question.getByTestId('test-move-down').first().click();
  }
  await shot(page, testInfo, '64-reader-test');
  await page.getByTestId('test-submit').click();
  await expect(page.getByTestId('test-score')).toContainText(/Your score: \d+ of \d+/);
  await expect(page.getByTestId('test-result')).toHaveCount(await questions.count());
  await shot(page, testInfo, '65-reader-test-result');
});
