import { expect, test } from '@playwright/test';
import { admin, apiAs, baseUrl, newPerson, shot, signIn, signOut, signUp } from './support/tall';

test('operations: health of every dependency, the weekly rotation and PII key rotation', async ({ page }, testInfo) => {
  await signIn(page, admin().email, admin().password);
  await page.getByRole('link', { name: /Operations/ }).click();
  await expect(page.getByRole('heading', { name: 'Operations' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Everything is up' })).toBeVisible();
  for (const dependency of ['postgres', 'mongodb', 'kafka']) await expect(page.getByText(dependency, { exact: true })).toBeVisible();

  await page.getByLabel('Run again this week').check();
  await page.getByRole('button', { name: 'Run weekly rotation' }).click();
  await expect(page.getByText(/The weekly rotation ran for \d{4}-W\d{2}\./)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Succeeded' }).first()).toBeVisible();

  // A reason is required; forced, because an earlier run may have rotated within the hour.
  await page.getByRole('button', { name: 'Rotate PII keys' }).click();
  await expect(page.getByText('Say why the keys are rotated.')).toBeVisible();
  await page.getByLabel('Reason').fill('Web end-to-end test of the operations page');
  await page.getByLabel('Rotate even if the last rotation was less than an hour ago').check();
  await page.getByRole('button', { name: 'Rotate PII keys' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Rotate PII keys' }).click();
  await expect(page.getByText(/Master key .+: \d+ data keys re-wrapped\./)).toBeVisible();
  await shot(page, testInfo, '30-operations');
});

test('an outdated client is asked to update (426)', async ({ page }, testInfo) => {
  const ops = await apiAs(admin().email, admin().password);
  expect((await ops.request('PUT', '/api/v1/client-versions', { web: '99.0.0' })).status).toBe(200);
  try {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(admin().email);
    await page.getByLabel('Password', { exact: true }).fill(admin().password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Please update Tall.' })).toContainText('version 99.0.0 or later');
    await expect(page.getByRole('button', { name: 'Update now' })).toBeVisible();
    await shot(page, testInfo, '31-update-required');
  } finally {
    expect((await ops.request('PUT', '/api/v1/client-versions', { web: '1.0.0' })).status).toBe(200);
    // The minimum reaches every instance within seconds: wait until this client is accepted again.
    await expect
      .poll(async () => (await fetch(`${baseUrl()}/api/v1/lobby`, { headers: { 'x-client-platform': 'web', 'x-client-version': '1.0.0' } })).status, { timeout: 30_000 })
      .toBe(401);
  }
});

test('parked events: reached from operations, empty on a fresh install, filtered, and shown on a phone', async ({ page }, testInfo) => {
  // No server hook makes a consumer fail here: a fresh install has nothing parked, and says so.
  const ops = await apiAs(admin().email, admin().password);
  const listed = await ops.request('GET', '/api/v1/system/parked-events');
  expect(listed).toMatchObject({ status: 200, body: { items: [], total: 0, consumers: [] } });

  await signIn(page, admin().email, admin().password);
  await page.getByRole('link', { name: /Operations/ }).click();
  const card = page.getByRole('region', { name: 'Parked events' });
  await expect(card.getByText('Nothing parked')).toBeVisible();
  await card.getByRole('link', { name: 'View parked events' }).click();

  await expect(page).toHaveURL(/\/ops\/parked-events$/);
  await expect(page).toHaveTitle('Parked events · Tall');
  await expect(page.getByRole('heading', { name: 'Parked events', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Parked events (0)' })).toBeVisible();
  await expect(page.getByText('No parked events', { exact: true })).toBeVisible();
  await expect(page.getByText(/An event is parked only when it keeps failing after repeated attempts/)).toBeVisible();
  await expect(page.getByText('No consumer has anything parked.')).toBeVisible();
  await shot(page, testInfo, '32-parked-events-empty');

  // The filters: every consumer (none yet) in the select, and a topic that narrows the list.
  await page.getByRole('combobox', { name: 'Consumer' }).click();
  await expect(page.getByRole('option', { name: 'All consumers (0)' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByLabel('Topic').fill('vocabulary.review-recorded.v1');
  await page.getByLabel('Topic').press('Enter');
  await expect(page.getByText('Nothing parked for these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page.getByText('No parked events', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Topic')).toHaveValue('');

  // Back to operations through the link at the top.
  await page.getByRole('link', { name: 'Operations' }).first().click();
  await expect(page.getByRole('heading', { name: 'Operations', level: 1 })).toBeVisible();

  // At a phone's width the page still reads from top to bottom, without sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/ops/parked-events');
  await expect(page.getByText('No parked events', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await shot(page, testInfo, '33-parked-events-phone');
});

test('parked events are for technical admins only', async ({ page }) => {
  const student = newPerson('Noor', 'Visser');
  await signUp(page, student);
  await page.goto('/ops/parked-events');
  await expect(page.getByRole('heading', { name: 'Not for your role' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Parked events' })).toHaveCount(0);
  const asStudent = await apiAs(student.email, student.password);
  expect((await asStudent.request('GET', '/api/v1/system/parked-events')).status).toBe(403);
  await signOut(page);
});
