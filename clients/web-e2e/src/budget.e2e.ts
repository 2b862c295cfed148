import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/** The budget: the sign-in route's JavaScript at most 250 kB gzipped; the areas load lazily. */
test('the sign-in page loads at most 250 kB of gzipped JavaScript, and no area of the app', async ({ page }) => {
  const scripts = new Map<string, Buffer>();
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script' && response.ok()) scripts.set(response.url(), await response.body());
  });
  await page.goto('/sign-in', { waitUntil: 'networkidle' });
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  const gzipped = [...scripts.values()].reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
  test.info().annotations.push({ type: 'sign-in JavaScript (gzip)', description: `${(gzipped / 1024).toFixed(1)} kB in ${scripts.size} files` });
  expect(gzipped).toBeLessThanOrEqual(250 * 1024);
  const bodies = [...scripts.values()].map((body) => body.toString('utf8')).join('\n');
  // Code of the areas (their own strings) is not part of the sign-in page.
  for (const areaOnly of ['tall-operations', 'tall-users', 'tall-account']) expect(bodies).not.toContain(areaOnly);
});
