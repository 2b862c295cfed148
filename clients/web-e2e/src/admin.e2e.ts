import { expect, test } from '@playwright/test';
import { admin, newPerson, shot, signIn, signOut, signUp } from './support/tall';

test('admins create accounts, change roles, and link a student to a teacher', async ({ page }, testInfo) => {
  const student = newPerson('Yusuf', 'Demir');
  await signUp(page, student);
  await signOut(page);

  await signIn(page, admin().email, admin().password);
  await page.getByRole('link', { name: /Users/ }).click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();

  // A new educational admin and a new teacher, through the form.
  const eduAdmin = newPerson('Els', 'Jansen');
  const teacher = newPerson('Pieter', 'Bakker');
  for (const [person, role] of [
    [eduAdmin, 'Educational admin'],
    [teacher, 'Student'],
  ] as const) {
    await page.getByRole('button', { name: 'New account' }).click();
    const dialog = page.getByRole('dialog');
    // The dialog moves focus to its first field once it has opened: typing before that lands
    // in whichever field has focus then (seen: the email typed into the first name).
    await expect(dialog.getByLabel('First name')).toBeFocused();
    await dialog.getByLabel('First name').fill(person.firstName);
    await dialog.getByLabel('Last name').fill(person.lastName);
    await dialog.getByLabel('Email').fill(person.email);
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: role, exact: true }).click();
    await dialog.getByLabel('First password').fill(person.password);
    if (person === teacher) await shot(page, testInfo, '20-users-create');
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('The account was created.')).toBeVisible();
  }

  // Pieter was created as a student by mistake: make him a teacher.
  await page.getByRole('button', { name: `Actions for ${teacher.firstName} ${teacher.lastName}` }).click();
  await page.getByRole('menuitem', { name: 'Make Teacher' }).click();
  await expect(page.getByText(`${teacher.firstName} ${teacher.lastName} has a new role.`)).toBeVisible();
  await shot(page, testInfo, '21-users');
  await signOut(page);

  // The educational admin links the student to the teacher.
  await signIn(page, eduAdmin.email, eduAdmin.password);
  await page.getByRole('link', { name: /Users/ }).click();
  await page.getByRole('radio', { name: 'Teachers' }).click();
  await page.getByRole('button', { name: `Students of ${teacher.firstName} ${teacher.lastName}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Student to link' }).click();
  await page.getByRole('option', { name: `${student.firstName} ${student.lastName}` }).click();
  await dialog.getByRole('button', { name: 'Link' }).click();
  await expect(dialog.getByRole('listitem').filter({ hasText: `${student.firstName} ${student.lastName}` })).toBeVisible();
  await shot(page, testInfo, '22-link-student');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Disabling an account keeps its owner out.
  await page.getByRole('radio', { name: 'All' }).click();
  await page.getByRole('button', { name: `Actions for ${student.firstName} ${student.lastName}` }).click();
  await page.getByRole('menuitem', { name: 'Disable account' }).click();
  await expect(page.getByText(`${student.firstName} ${student.lastName} can no longer sign in.`)).toBeVisible();
  await page.getByRole('button', { name: `Actions for ${student.firstName} ${student.lastName}` }).click();
  await page.getByRole('menuitem', { name: 'Enable account' }).click();
  await expect(page.getByText(`${student.firstName} ${student.lastName} can sign in again.`)).toBeVisible();
});
