import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { newPerson, shot, signUp } from './support/tall';

test('account: edit personal data, see sessions, download my data, delete my account', async ({ page }, testInfo) => {
  const person = newPerson('Fatima', 'El Amrani');
  await signUp(page, person);
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await expect(page.getByLabel('First name')).toHaveValue('Fatima');

  await page.getByLabel('First name').fill('Fatma');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Your personal data was saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('First name')).toHaveValue('Fatma');
  await expect(page.getByText('This device')).toBeVisible();
  await shot(page, testInfo, '10-account');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download my data' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^tall-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8'));
  expect(JSON.stringify(exported)).toContain(person.email);
  expect(JSON.stringify(exported)).toContain('Fatma');

  await page.getByRole('button', { name: 'Delete my account…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('This cannot be undone.');
  await dialog.getByLabel('Password').fill('not-my-password');
  await dialog.getByRole('button', { name: 'Delete my account' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The password is not correct.');
  await shot(page, testInfo, '11-delete-account');
  await dialog.getByLabel('Password').fill(person.password);
  await dialog.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByText('Your account and your personal data have been deleted.')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('tall.csrfToken'))).toBeNull();

  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
});
