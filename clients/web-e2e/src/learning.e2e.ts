import { expect, test } from '@playwright/test';
import { newPerson, shot, signUp } from './support/tall';

test('learning cards: add from the dictionary and my own word, practise, remove', async ({ page }, testInfo) => {
  await signUp(page, newPerson('Lucas', 'Peeters'));
  await page.getByRole('link', { name: /Learning cards/ }).click();
  await expect(page.getByRole('heading', { name: 'Learning cards', level: 1 })).toBeVisible();
  await expect(page.getByText('Nothing to practise today')).toBeVisible();

  await page.getByRole('button', { name: 'Add words' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('combobox', { name: 'Topic' })).toBeEnabled();
  await dialog.getByRole('combobox', { name: 'Topic' }).click();
  await page.getByRole('option').first().click();
  await dialog.getByRole('button', { name: /^Add / }).first().click();
  await expect(dialog.getByText('Added')).toBeVisible();
  await dialog.getByRole('tab', { name: 'My own word' }).click();
  await dialog.getByRole('combobox', { name: 'Article' }).click();
  await page.getByRole('option', { name: 'het', exact: true }).click();
  await dialog.getByLabel('Dutch word').fill('fietspad');
  await dialog.getByLabel('Translation').fill('cycle path');
  await shot(page, testInfo, '50-learning-add');
  await dialog.getByRole('button', { name: 'Add word' }).click();
  await expect(dialog).toBeHidden();

  // Practise today's cards with the keyboard: Space shows the answer, 3 rates it good.
  await expect(page.getByText('2 cards to go today')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
  await shot(page, testInfo, '51-learning-practice');
  await page.keyboard.press('3');
  await expect(page.getByText('1 cards to go today')).toBeVisible();
  await page.getByRole('button', { name: 'Show the answer' }).click();
  await page.getByRole('button', { name: /Easy/ }).click();
  await expect(page.getByText('Done for today!')).toBeVisible();

  await page.getByRole('tab', { name: 'My words' }).click();
  await expect(page.getByText('het fietspad')).toBeVisible();
  await page.getByLabel('Search my words').fill('fiets');
  await expect(page.locator('.word')).toHaveCount(1);
  await shot(page, testInfo, '52-learning-words');
  await page.getByRole('button', { name: 'Remove fietspad' }).click();
  await expect(page.getByText('het fietspad')).toBeHidden();

  await page.getByRole('tab', { name: 'This week' }).click();
  await expect(page.getByText('Your cohorts')).toBeVisible();
  await shot(page, testInfo, '53-learning-week');
});
