import { expect, test } from '@playwright/test';
import { newPerson, shot, signUp } from './support/tall';

test('main flow: sign up, the lobby, my account, sign out everywhere', async ({ page }, testInfo) => {
  const person = newPerson('Amira', 'Haddad');
  await signUp(page, person);
  await expect(page.getByRole('link', { name: /Thematic cards/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Learning cards/ })).toBeVisible();
  await shot(page, testInfo, '40-lobby');

  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Account' }).click();
  await expect(page.getByLabel('Email')).toHaveValue(person.email);
  await shot(page, testInfo, '41-account');

  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out everywhere' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('tall.refreshToken'))).toBeNull();
});
