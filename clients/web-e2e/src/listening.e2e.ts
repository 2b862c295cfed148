import { expect, test, type Locator } from '@playwright/test';
import { newPerson, shot, signUp } from './support/tall';

/** The seconds the player is at. */
const timeOf = (video: Locator) => video.evaluate((element: HTMLVideoElement) => element.currentTime);

test('listening: the video library, a seed video played to its questions, answered, skipped, summed up, and the result in my progress', async ({ page }, testInfo) => {
  // The video plays in real time: 19 s of it, with three stops.
  test.setTimeout(180_000);
  await signUp(page, newPerson('Sanne', 'Jansen'));

  // The lobby opens Listening: this app has its screens.
  await expect(page.locator('.product.soon').filter({ hasText: 'Listening' })).toHaveCount(0);
  await page.getByRole('link', { name: /Listening/ }).click();
  await expect(page.getByRole('heading', { name: 'Listening', level: 1 })).toBeVisible();
  const cards = page.getByTestId('video-card');
  await expect(cards).toHaveCount(3);
  // Posters come from S3 through pre-signed URLs: the page policy and the storage let them load.
  await expect.poll(() => cards.first().locator('img').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(0);
  await shot(page, testInfo, '70-listening-library');

  // Level A2 leaves the one A2 video.
  await page.getByTestId('videos-filter-level').click();
  await page.getByRole('option', { name: 'A2', exact: true }).click();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toHaveAttribute('data-video-id', 'het-weer-van-morgen');
  await page.getByTestId('videos-clear-filters').click();
  await expect(cards).toHaveCount(3);

  await page.locator('[data-testid="video-card"][data-video-id="op-de-markt"]').getByTestId('video-watch').click();
  await expect(page.getByTestId('player-title')).toHaveText('Op de markt');
  const video = page.getByTestId('player-video');
  // The film (H.264/AAC MP4) and the Dutch subtitles load from S3: cross-origin, with CORS.
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.readyState), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.textTracks[0]?.cues?.length ?? 0), { timeout: 20_000 }).toBeGreaterThan(0);
  expect(await video.evaluate((element: HTMLVideoElement) => element.error)).toBeNull();
  // Two seconds in, the first sentence shows as a Dutch subtitle.
  await video.evaluate((element: HTMLVideoElement) => (element.currentTime = 2));
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => (element.textTracks[0]?.activeCues?.[0] as VTTCue | undefined)?.text ?? '')).toContain('Sanne gaat naar de markt');
  await shot(page, testInfo, '71-listening-player');

  // Play with the keyboard; the player stops at the first question and asks it.
  await video.focus();
  await page.keyboard.press('k');
  const question = page.getByTestId('player-question');
  await expect(question).toBeVisible({ timeout: 20_000 });
  await expect(question).toHaveAttribute('data-question-id', 'q1');
  await expect(question).toBeFocused();
  expect(await video.evaluate((element: HTMLVideoElement) => element.paused)).toBe(true);
  expect(await timeOf(video)).toBeGreaterThan(4);
  await expect(question.getByTestId('question-prompt')).toHaveText('Waar gaat Sanne naartoe?');
  await shot(page, testInfo, '72-listening-question');

  await question.getByRole('radio', { name: 'Naar de markt' }).check();
  await question.getByTestId('question-submit').click();
  await expect(question.getByTestId('question-verdict')).toHaveAttribute('data-correct', 'true');
  await expect(question.getByTestId('question-expected')).toHaveText('Naar de markt');
  await shot(page, testInfo, '73-listening-verdict');
  await question.getByTestId('question-continue').click();
  await expect(question).toBeHidden();
  await expect(page.getByTestId('player-questions-done')).toContainText('1 of 3 questions done');

  // The second question, answered wrongly: the expected answer shows.
  await expect(question).toHaveAttribute('data-question-id', 'q2', { timeout: 20_000 });
  await question.getByTestId('question-short-answer').fill('drie euro');
  await question.getByTestId('question-submit').click();
  await expect(question.getByTestId('question-verdict')).toHaveAttribute('data-correct', 'false');
  await expect(question.getByTestId('question-expected')).toHaveText('twee euro');
  await shot(page, testInfo, '74-listening-wrong');
  await question.getByTestId('question-continue').click();

  // The third is skipped; the video plays on to its end and sums up.
  await expect(question).toHaveAttribute('data-question-id', 'q3', { timeout: 20_000 });
  await question.getByTestId('question-skip').click();
  const summary = page.getByTestId('player-summary');
  await expect(summary).toBeVisible({ timeout: 20_000 });
  await expect(summary.getByTestId('summary-answered')).toHaveText('2');
  await expect(summary.getByTestId('summary-correct')).toHaveText('1');
  await expect(summary.getByTestId('summary-skipped')).toHaveText('1');
  await shot(page, testInfo, '75-listening-summary');

  // Back in the library the video shows as watched.
  await summary.getByTestId('summary-back').click();
  await expect(page.locator('[data-testid="video-card"][data-video-id="op-de-markt"]').getByTestId('video-watched-badge')).toBeVisible();

  // The watching and the answers travel as events to the progress context.
  await page.getByRole('link', { name: 'Tall, to the lobby' }).click();
  await page.getByRole('link', { name: /My progress/ }).click();
  await expect(page.getByRole('heading', { name: 'My progress' })).toBeVisible();
  const figures = async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    const text = (testId: string) => page.getByTestId(testId).textContent({ timeout: 2_000 }).catch(() => '');
    return { videos: (await text('progress-videos-watched')) ?? '', answerRate: (await text('progress-answer-rate')) ?? '' };
  };
  // One video started (and watched to its end); two of its three questions answered, one skipped.
  await expect.poll(figures, { timeout: 30_000 }).toEqual({ videos: expect.stringMatching(/(^|\D)1(\D|$)/), answerRate: expect.stringMatching(/67\s?%/) });
  await shot(page, testInfo, '76-listening-progress');
});
