import { expect, test } from '@playwright/test';
import { newPerson, shot, signOut, signUp } from './support/tall';

test.describe('signing in', () => {
  test('sign up lands in the lobby; a wrong password is explained; signing in again works', async ({ page }, testInfo) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByLabel('Email')).toBeVisible();
    await shot(page, testInfo, '01-sign-in');

    await page.getByRole('link', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Create account' })).toBeVisible();
    // The form explains what is missing before anything is sent.
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Enter your email address.')).toBeVisible();
    await shot(page, testInfo, '02-sign-up-errors');

    const person = newPerson('Noor');
    await signUp(page, person);
    await expect(page.getByRole('link', { name: /Thematic cards/ })).toBeVisible();
    await signOut(page);
    // Signing out ended the cookie's session (with its CSRF token), and the API cleared the cookie.
    expect((await page.context().cookies()).filter((cookie) => cookie.name === 'tall_refresh')).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem('tall.csrfToken'))).toBeNull();

    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password', { exact: true }).fill('not-my-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('The email or password is not correct.');
    await shot(page, testInfo, '03-sign-in-wrong-password');

    await page.getByLabel('Password', { exact: true }).fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome to Tall' })).toBeVisible();

    // The session survives a reload: the refresh token is kept in an HttpOnly cookie no script
    // can read, the access token renewed through it (with the CSRF token the page keeps).
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Welcome to Tall' })).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('tall.refreshToken'))).toBeNull();
    expect(await page.evaluate(() => localStorage.getItem('tall.csrfToken'))).toBeTruthy();
    expect(await page.evaluate(() => document.cookie)).not.toContain('tall_refresh');
    const cookies = await page.context().cookies();
    expect(cookies.filter((cookie) => cookie.name === 'tall_refresh')).toEqual([
      expect.objectContaining({ path: '/api/v1/auth', httpOnly: true, secure: true, sameSite: 'Strict', value: expect.stringMatching(/^rt_/) }),
    ]);
  });

  test('after five wrong passwords, sign-in is locked and the wait is shown', async ({ page }, testInfo) => {
    const person = newPerson('Sem');
    await signUp(page, person);
    await signOut(page);
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel('Email').fill(person.email);
      await page.getByLabel('Password', { exact: true }).fill(`wrong-${attempt}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
    }
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password', { exact: true }).fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText(/signing in is paused: try again in \d+ minute/);
    await shot(page, testInfo, '04-sign-in-locked');
  });

  test('the interface speaks Dutch when chosen', async ({ page }, testInfo) => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
    await expect(page.getByLabel('E-mail')).toBeVisible();
    await shot(page, testInfo, '05-sign-in-dutch');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });
});
