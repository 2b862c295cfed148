import { expect, test } from '@playwright/test';
import { admin, apiAs, baseUrl, shot, signIn } from './support/tall';

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
