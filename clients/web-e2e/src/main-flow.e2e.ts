import { expect, test } from '@playwright/test';
import { answerCard, nextCard } from './support/study';
import { newPerson, shot, signUp } from './support/tall';

test('main flow: sign up, the lobby, a thematic session of 10 cards, progress shows it', async ({ page }, testInfo) => {
  const person = newPerson('Amira', 'Haddad');
  await signUp(page, person);
  await expect(page.getByRole('link', { name: /Thematic cards/ })).toBeVisible();
  await shot(page, testInfo, '40-lobby');

  await page.getByRole('link', { name: /Thematic cards/ }).click();
  await expect(page.getByRole('heading', { name: 'Thematic cards', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Study / }).first()).toBeVisible();
  await shot(page, testInfo, '41-thematic-topics');

  await page.getByRole('link', { name: /^Study / }).first().click();
  await expect(page.getByText('Card 1 of 10')).toBeVisible();
  await shot(page, testInfo, '42-thematic-card');
  // Keyboard only on the desktop: the options, de/het and moving on all have keys.
  const useKeyboard = testInfo.project.name === 'desktop';
  for (let n = 1; n <= 10; n++) {
    await expect(page.getByText(`Card ${n} of 10`)).toBeVisible();
    await answerCard(page, { useKeyboard });
    if (n === 1) await shot(page, testInfo, '43-thematic-feedback');
    await nextCard(page, { useKeyboard });
  }
  await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
  const right = Number(await page.locator('.figure.good .value').textContent());
  const wrong = Number(await page.locator('.figure.bad .value').textContent());
  expect(right + wrong).toBe(10);
  await shot(page, testInfo, '44-thematic-summary');

  // The reviews travel as events to the progress context; the page shows them once they arrive.
  await page.goto('/progress');
  await expect(page.getByRole('heading', { name: 'My progress' })).toBeVisible();
  await expect
    .poll(
      async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        return Number((await page.locator('.figure').nth(1).locator('.value').textContent())?.replace(/\D/g, '') || 0);
      },
      { timeout: 30_000 },
    )
    .toBe(10);
  await expect(page.getByText('1 days in a row').or(page.getByText(/^1$/).first())).toBeVisible();
  await shot(page, testInfo, '45-progress');

  // The lobby offers the way back to where the student was.
  await page.getByRole('link', { name: 'Tall, to the lobby' }).click();
  await expect(page.getByRole('heading', { name: 'Continue where you left off' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Continue where you left off' }).getByText('My progress')).toBeVisible();
  await shot(page, testInfo, '46-lobby-continue');

  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out everywhere' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('tall.csrfToken'))).toBeNull();
  // The API cleared the refresh cookie.
  expect((await page.context().cookies()).filter((cookie) => cookie.name === 'tall_refresh')).toEqual([]);
});
