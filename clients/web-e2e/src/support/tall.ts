import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { root } from './stack';

export const admin = () => ({ email: process.env['TALL_E2E_ADMIN_EMAIL'] ?? '', password: process.env['TALL_E2E_ADMIN_PASSWORD'] ?? '' });
export const baseUrl = () => process.env['TALL_E2E_URL'] ?? '';

export interface Person {
  firstName: string;
  lastName: string;
  email: string;
  password: string;
}

export function newPerson(firstName: string, lastName = 'de Vries'): Person {
  const tag = randomBytes(4).toString('hex');
  return { firstName, lastName, email: `${firstName.toLowerCase()}.${tag}@school.example`, password: `Tulpen-${tag}-Gracht` };
}

/** A full-page screenshot of the current screen under tmp/screenshots/<project>/, to look at. */
export async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const directory = join(root, 'tmp/screenshots', testInfo.project.name);
  mkdirSync(directory, { recursive: true });
  // Let fonts and transitions settle: the picture should show the screen as a person sees it.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(directory, `${name}.png`), fullPage: true });
}

export async function signUp(page: Page, person: Person): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel('First name').fill(person.firstName);
  await page.getByLabel('Last name').fill(person.lastName);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Tall' })).toBeVisible();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Tall' })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

/** Calls the API directly (set-up steps a test is not about), signed in as the given account. */
export async function apiAs(email: string, password: string) {
  // No client headers: set-up calls must work whatever minimum version a test has set.
  const headers = { 'content-type': 'application/json' };
  const login = await fetch(`${baseUrl()}/api/v1/auth/login`, { method: 'POST', headers, body: JSON.stringify({ email, password }) });
  if (!login.ok) throw new Error(`sign-in of ${email} failed: ${login.status} ${await login.text()}`);
  const { accessToken, user } = (await login.json()) as { accessToken: string; user: { id: string } };
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: body === undefined ? { authorization: `Bearer ${accessToken}` } : { ...headers, authorization: `Bearer ${accessToken}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return { userId: user.id, request };
}
