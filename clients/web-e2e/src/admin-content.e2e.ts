import { expect, test, type Page } from '@playwright/test';
import { admin, apiAs, newPerson, shot, signIn, signOut, signUp } from './support/tall';

/**
 * The seed word this flow edits (Vervoer, A2). Its English translation is the seed's in the first
 * project's run and the first run's edit in the next one (one API serves both): each run reads it,
 * and writes its own.
 */
const WORD = { lemma: 'fiets', title: 'de fiets', topic: 'Transport' };

async function openContent(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Content', level: 1 })).toBeVisible();
  await expect(page.getByTestId('content-count')).toContainText(/found|waiting/);
}

test('an admin edits a word and submits it, another publishes it from the review queue, and a student gets the new translation', async ({ page }, testInfo) => {
  // Set-up through the API: a second admin, an educational one (the users screens have their own test).
  const ops = await apiAs(admin().email, admin().password);
  const editor = newPerson('Els', 'Jansen');
  const created = await ops.request('POST', '/api/v1/users', { ...editor, role: 'EDU_ADMIN' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);

  // Admin A, the educational admin, finds the word from the lobby's content tile and edits it.
  await signIn(page, editor.email, editor.password);
  await page.getByRole('link', { name: /Content admin/ }).click();
  await openContent(page);
  await page.getByTestId('content-search').fill(WORD.lemma);
  await expect(page.getByRole('link', { name: WORD.title, exact: true })).toBeVisible();
  await shot(page, testInfo, '80-content-list');
  await page.getByRole('link', { name: WORD.title, exact: true }).click();

  await expect(page.getByRole('heading', { name: WORD.title, level: 1 })).toBeVisible();
  const english = page.getByRole('textbox', { name: 'English', exact: true });
  await expect(english).toHaveValue(/bicycle/);
  const before = await english.inputValue();
  const after = `bicycle (bike, ${testInfo.project.name})`;
  // A rule is checked before anything is sent: Russian in Latin letters.
  const russian = page.getByRole('textbox', { name: 'Russian', exact: true });
  const russianBefore = await russian.inputValue();
  await russian.fill('velosiped');
  await page.getByTestId('content-save').click();
  await expect(page.getByText('Write this in Cyrillic only.')).toBeVisible();
  await expect(russian).toBeFocused();
  await russian.fill(russianBefore);
  await english.fill(after);
  await expect(page.getByText('Save your changes first.')).toBeVisible();
  await shot(page, testInfo, '81-content-edit');
  await page.getByTestId('content-save').click();
  await expect(page.getByTestId('content-item-status')).toHaveText('Draft');
  await expect(page.getByTestId('content-submit')).toBeEnabled();

  await page.getByRole('tab', { name: 'Preview' }).click();
  await expect(page.getByTestId('word-preview-translation')).toHaveText(after);
  await shot(page, testInfo, '82-content-preview');
  await page.getByRole('tab', { name: 'Edit' }).click();

  await page.getByTestId('content-submit').click();
  await expect(page.getByTestId('content-item-status')).toHaveText('In review');
  // Publishing one's own submission asks for a reason: not now.
  await page.getByTestId('content-publish').click();
  await expect(page.getByRole('dialog', { name: 'Publish your own submission?' })).toBeVisible();
  await shot(page, testInfo, '83-content-override');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByTestId('content-item-status')).toHaveText('In review');
  await signOut(page);

  // Admin B, the technical admin, reaches content through the admin area's navigation.
  await signIn(page, admin().email, admin().password);
  await page.getByRole('link', { name: /Users/ }).click();
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Content' }).click();
  await openContent(page);
  await page.getByRole('radio', { name: /Review queue/ }).click();
  await expect(page).toHaveURL(/view=review/);
  const queued = page.getByRole('link', { name: WORD.title, exact: true });
  await expect(queued).toBeVisible();
  await shot(page, testInfo, '84-review-queue');
  await queued.click();

  await expect(page.getByTestId('content-item-status')).toHaveText('In review');
  await page.getByRole('tab', { name: 'History' }).click();
  // This run's edit (an earlier run's edit of the same word is further down the history).
  const change = page.locator('[data-testid="history-change"][data-path="translations.en"]').first();
  await expect(change).toContainText(before);
  await expect(change).toContainText(after);
  await expect(page.locator('[data-testid="history-entry"][data-action="submitted"]').first()).toContainText('Sent for review');
  await shot(page, testInfo, '85-content-history');
  await page.getByTestId('content-publish').click();
  await expect(page.getByText('Published: students see it now.')).toBeVisible();
  await expect(page.getByTestId('content-item-status')).toHaveText('Published');
  await expect(page.locator('[data-testid="history-entry"][data-action="published"]').first()).toBeVisible();
  await shot(page, testInfo, '86-content-published');
  await signOut(page);

  // A student finds the new translation in the topic's word list.
  await signUp(page, newPerson('Noor', 'Visser'));
  await page.getByRole('link', { name: /Learning cards/ }).click();
  await page.getByRole('button', { name: 'Add words' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('combobox', { name: 'Topic' })).toBeEnabled();
  await dialog.getByRole('combobox', { name: 'Topic' }).click();
  await page.getByRole('option', { name: new RegExp(`· ${WORD.topic}$`) }).click();
  const row = dialog.getByRole('listitem').filter({ has: page.locator('.lemma', { hasText: new RegExp(`^${WORD.title}$`) }) });
  await expect(row.locator('.translation')).toHaveText(after);
  await shot(page, testInfo, '87-student-word-list');
});
