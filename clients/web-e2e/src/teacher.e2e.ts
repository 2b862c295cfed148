import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { answerCard, nextCard } from './support/study';
import { admin, apiAs, newPerson, shot, signIn, signOut, signUp } from './support/tall';

test('a teacher sees their linked student, the table as CSV and the student page', async ({ page }, testInfo) => {
  const student = newPerson('Mila', 'Smit');
  await signUp(page, student);
  await page.getByRole('link', { name: /Thematic cards/ }).click();
  await page.getByRole('link', { name: /^Study / }).first().click();
  for (let n = 0; n < 3; n++) {
    await answerCard(page);
    await nextCard(page);
  }
  await signOut(page);

  // Set-up through the API: a teacher account and the link (the admin screens have their own test).
  const ops = await apiAs(admin().email, admin().password);
  const teacher = newPerson('Sanne', 'Mulder');
  const created = await ops.request('POST', '/api/v1/users', { ...teacher, role: 'TEACHER' });
  expect(created.status).toBe(201);
  const studentId = (await apiAs(student.email, student.password)).userId;
  const link = await ops.request('PUT', `/api/v1/users/${created.body.id}/students/${studentId}`);
  expect(link.status, JSON.stringify(link.body)).toBe(204);

  await signIn(page, teacher.email, teacher.password);
  // The API serves content admin, but this app has no teacher's preview yet: shown as coming, not as a dead link.
  await expect(page.locator('.product.soon').filter({ hasText: 'Content preview' })).toBeVisible();
  await page.getByRole('link', { name: /My students/ }).click();
  await expect(page.getByRole('heading', { name: 'My students' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: `${student.firstName} ${student.lastName}` });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await shot(page, testInfo, '70-teacher-students');

  await page.getByRole('button', { name: 'Streak' }).click();
  await expect(row).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const csv = readFileSync((await (await downloading).path()) ?? '', 'utf8');
  expect(csv).toContain(student.lastName);

  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { name: `${student.firstName} ${student.lastName}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Reviews per day' })).toBeVisible();
  await shot(page, testInfo, '71-teacher-student');
});
