import { expect, test } from '@playwright/test';
import { answerCard, nextCard } from './support/study';
import { apiAs, newPerson, shot, signUp } from './support/tall';

test('offline: a review made without a network waits in the browser and arrives when back online', async ({ page, context }, testInfo) => {
  const person = newPerson('Daan', 'Visser');
  await signUp(page, person);
  await page.getByRole('link', { name: /Thematic cards/ }).click();
  await page.getByRole('link', { name: /^Study / }).first().click();
  await expect(page.getByText('Card 1 of 10')).toBeVisible();

  await context.setOffline(true);
  await answerCard(page);
  await expect(page.locator('.feedback')).toContainText('Saved offline');
  await expect(page.getByRole('status').filter({ hasText: '1 to sync' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Offline' }).first()).toBeVisible();
  await shot(page, testInfo, '60-offline-pending');
  await nextCard(page);

  const api = await apiAs(person.email, person.password);
  expect((await api.request('GET', '/api/v1/vocabulary/thematic/stats')).body.overall.reviews).toBe(0);

  await context.setOffline(false);
  await expect(page.getByRole('status').filter({ hasText: '1 to sync' })).toBeHidden({ timeout: 20_000 });
  await expect.poll(async () => (await api.request('GET', '/api/v1/vocabulary/thematic/stats')).body.overall.reviews, { timeout: 20_000 }).toBe(1);
});
