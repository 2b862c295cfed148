import { randomUUID } from 'node:crypto';
import { createEvent } from '@tall/platform/event-contracts';
import { waitFor } from '@tall/platform/testing';
import { WeeklyCronTriggered } from '@tall/system/contracts';
import { addWeeks } from '@tall/platform/calendar';
import { startLearningTestApp, type LearningTestApp } from './test-support/learning-test-app';

// The suite runs 2,000 (a few seconds); LEARNING_SCALE_STUDENTS=10000 is the figure (about 20 s here).
const STUDENTS = Number(process.env['LEARNING_SCALE_STUDENTS'] ?? 2_000);
const WORDS_PER_STUDENT = 300;
const WEEK = '2026-W48';

/**
 * The issue's scale: 10,000 students with 300 words each rotated in under 60 s, the process
 * staying under 500 MB RSS. The rotation reads the students' cohort sizes only (one small
 * document each), never the 3 million cards, so the cards are not seeded here. MEASURE_RELAY=1
 * also waits for the relay to publish every event and prints how long that took.
 */
describe('weekly rotation at scale', () => {
  let t: LearningTestApp;

  beforeAll(async () => {
    t = await startLearningTestApp({ start: '2026-11-23T02:00:00Z' });
    const students = t.db.collection('learning_students');
    for (let offset = 0; offset < STUDENTS; offset += 1000) {
      const batch = Array.from({ length: Math.min(1000, STUDENTS - offset) }, () => {
        // 300 words over the last 20 weeks, 15 a week.
        const cohorts = Object.fromEntries(Array.from({ length: 20 }, (_, age) => [addWeeks(WEEK, -age - 1), WORDS_PER_STUDENT / 20]));
        return { _id: randomUUID(), cohorts, rev: 20 };
      });
      await students.insertMany(batch as never[]);
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it(`rotates ${STUDENTS} students of ${WORDS_PER_STUDENT} words in under 60 s and 500 MB`, async () => {
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const started = Date.now();
    try {
      await t.deliver(createEvent(WeeklyCronTriggered, { job: 'weekly-cohorts', periodKey: WEEK, trigger: 'schedule', triggeredAt: t.clock.now.toISOString() }, { key: `weekly-cohorts:${WEEK}`, correlationId: randomUUID() }));
      await t.rotation.idle();
    } finally {
      clearInterval(sampler);
    }
    const seconds = (Date.now() - started) / 1000;
    const rotation = await t.db.collection('learning_rotations').findOne({ _id: WEEK as never });
    // Cycle [1, 2, 4, 8]: four of the student's cohorts are back, 15 words each.
    expect(rotation).toMatchObject({ status: 'completed', students: STUDENTS, cards: STUDENTS * 60 });
    console.info(`rotation of ${STUDENTS} students: ${seconds.toFixed(1)} s, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`);
    console.info(`rotation grew RSS by ${((peakRss - rssBefore) / 2 ** 20).toFixed(0)} MB`);
    expect(seconds).toBeLessThan(60);
    // Streamed: the rotation's own memory does not grow with the students. Within the suite this
    // Jest worker already holds many test files, so only the growth is meaningful; the issue's
    // absolute figure is checked when the scale run is asked for on its own.
    expect(peakRss - rssBefore).toBeLessThan(150 * 2 ** 20);
    if (process.env['LEARNING_SCALE_STUDENTS']) expect(peakRss).toBeLessThan(500 * 2 ** 20);
    // Every student's set was recorded, each with its event (which the relay publishes afterwards).
    expect(await t.db.collection('learning_weeks').countDocuments({ week: WEEK })).toBe(STUDENTS);
    if (process.env['MEASURE_RELAY']) {
      await waitFor(() => t.published.filter((event) => event.type === 'learning.week.rotated').length === STUDENTS, { timeoutMs: 900_000, intervalMs: 1000 });
      console.info(`relay published ${STUDENTS} events ${((Date.now() - started) / 1000).toFixed(1)} s after the start`);
    }
  }, 1_000_000);
});
