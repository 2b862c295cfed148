import { expect, type Page } from '@playwright/test';

/**
 * Answers the card on screen the way its drill asks (the answer may be wrong: the API checks it),
 * waits for the verdict, and moves on. Returns the drill.
 */
export async function answerCard(page: Page, { useKeyboard = false } = {}): Promise<string> {
  const chip = page.locator('.mode-chip');
  await expect(chip).toBeVisible();
  const instruction = (await chip.textContent())?.trim() ?? '';
  if (instruction.startsWith('What does it mean')) {
    if (useKeyboard) await page.keyboard.press('1');
    else await page.getByRole('group', { name: 'Answers' }).getByRole('button').first().click();
  } else if (instruction.startsWith('de or het')) {
    if (useKeyboard) await page.keyboard.press('d');
    else await page.getByRole('group', { name: 'Answers' }).getByRole('button', { name: /de$/ }).click();
  } else if (instruction.startsWith('Type the word')) {
    await page.getByLabel('The Dutch word').fill('huis');
    await page.getByLabel('The Dutch word').press('Enter');
  } else {
    await page.getByLabel('Past tense (singular)').fill('liep');
    await page.getByLabel('Past tense (plural)').fill('liepen');
    await page.getByLabel('Past participle').fill('gelopen');
    await page.getByLabel('Past participle').press('Enter');
  }
  await expect(page.locator('.feedback')).toBeVisible();
  return instruction;
}

export async function nextCard(page: Page, { useKeyboard = false } = {}): Promise<void> {
  if (useKeyboard) await page.keyboard.press('Enter');
  else await page.locator('.feedback').getByRole('button', { name: /Next|See the summary/ }).click();
}
