import { randomUUID } from 'node:crypto';
import { isoWeekOf } from '@tall/platform/calendar';
import { previousOccurrence } from '@tall/platform/scheduling';
import { waitFor } from '@tall/platform/testing';
import { VocabularyTopics } from '@tall/vocabulary/contracts';
import { IdentityApi, newEmail, type SignedIn } from '../identity/support/identity-api';
import { probeTopic } from '../support/kafka-probe';
import { isolatedStores, startTall, type TallProcess } from '../support/tall-process';

/**
 * Learning cards, black-box: personal words, FSRS reviews and the ids-only events on Kafka, and
 * the Monday rotation caught up when Tall starts after a missed Monday — once per week.
 */
const ADMIN_EMAIL = newEmail('root');
const ADMIN_PASSWORD = 'the first admin passphrase';
const TIME_ZONE = 'Europe/Amsterdam';

describe('learning cards, black-box', () => {
  let stores: Awaited<ReturnType<typeof isolatedStores>>;
  let tall: TallProcess;
  let api: IdentityApi;
  let student: { id: string; token: string };
  let admin: SignedIn;

  const start = async (cron: boolean) => {
    tall = await startTall({ DATABASE_URL: stores.DATABASE_URL, MONGODB_URI: stores.MONGODB_URI, CRON_ENABLED: String(cron), ADMIN_EMAIL, ADMIN_PASSWORD });
    api = new IdentityApi(tall.url);
    await waitFor(async () => (await fetch(`${tall.url}/health/ready`)).ok, { timeoutMs: 60_000, what: 'Tall to be ready' });
  };
  const call = (method: string, path: string, body?: unknown, token = student.token) => api.call(method, `/vocabulary${path}`, { token, body });

  beforeAll(async () => {
    stores = await isolatedStores('vocabulary_learning');
    // The weekly job is off in this first process: Monday's rotation is "missed".
    await start(false);
    const registered = await api.register();
    expect(registered.status).toBe(201);
    student = { id: registered.body.user.id, token: registered.body.accessToken };
    admin = await api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await tall?.stop();
    await stores?.drop();
  });

  it('adds own and dictionary words, reviews them with FSRS, and publishes ids only', async () => {
    const cards = await probeTopic(VocabularyTopics.learningCards);
    try {
      const own = await call('POST', '/my-words', { lemma: 'Fietsbel', translation: 'bicycle bell', article: 'de', note: 'rings twice' });
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({ lemma: 'Fietsbel', source: 'own', state: 'new', cohortWeek: isoWeekOf(new Date(), TIME_ZONE) });
      expect((await call('POST', '/my-words', { lemma: 'FIETSBEL', translation: 'bell' })).status).toBe(409);

      const [topic] = (await call('GET', '/topics')).body;
      const [word] = (await call('GET', `/topics/${topic.id}/words`)).body as Array<{ id: string; lemma: string; translations: Record<string, string> }>;
      const fromDictionary = await call('POST', '/my-words', { wordId: word.id });
      expect(fromDictionary.status).toBe(201);
      expect(fromDictionary.body).toMatchObject({ lemma: word.lemma, translation: word.translations['en'], source: 'dictionary', wordId: word.id });
      expect((await call('POST', '/my-words', { wordId: 'no-such-word' })).status).toBe(404);

      const today = await call('GET', '/my-words/today');
      expect(today.status).toBe(200);
      expect(today.body.items.map((card: { userWordId: string }) => card.userWordId).sort()).toEqual([own.body.id, fromDictionary.body.id].sort());
      expect(today.body.items.find((card: { userWordId: string }) => card.userWordId === own.body.id).prompt).toEqual({ front: 'de Fietsbel', back: 'bicycle bell' });

      const review = { reviewId: randomUUID(), userWordId: own.body.id, rating: 'good', answeredAt: new Date().toISOString(), durationMs: 3200 };
      const reviewed = await call('POST', '/my-words/reviews', review);
      expect(reviewed).toMatchObject({ status: 200, body: { userWordId: own.body.id, rating: 'good', state: 'learning', duplicate: false } });
      expect((await call('POST', '/my-words/reviews', review)).body).toEqual({ ...reviewed.body, duplicate: true });
      expect((await call('POST', '/my-words/reviews', { ...review, reviewId: randomUUID(), rating: 'perfect' })).status).toBe(400);
      expect((await call('POST', '/my-words/reviews', { ...review, reviewId: randomUUID(), answeredAt: new Date(Date.now() + 3_600_000).toISOString() })).status).toBe(422);
      expect((await call('POST', '/my-words/reviews', { ...review, reviewId: randomUUID(), userWordId: randomUUID() })).status).toBe(404);
      expect((await call('GET', '/my-words', undefined, admin.accessToken)).status).toBe(403);

      const stats = await call('GET', '/my-words/stats');
      expect(stats.body).toMatchObject({ cards: { total: 2, new: 1, learning: 1 }, reviewedToday: 1 });

      await waitFor(() => cards.messages.filter((message) => message.key === student.id).length >= 3, { timeoutMs: 20_000, what: 'three events on learning.cards.v1' });
      const mine = cards.messages.filter((message) => message.key === student.id);
      expect(mine.map((message) => message.value['type'])).toEqual(['learning.word.added', 'learning.word.added', 'learning.card.reviewed']);
      expect(mine[2].value['payload']).toMatchObject({ userId: student.id, reviewId: review.reviewId, userWordId: own.body.id, rating: 'good', state: 'learning' });
      expect(JSON.stringify(mine)).not.toMatch(/Fietsbel|bicycle|rings twice/i);
    } finally {
      await cards.close();
    }
  });

  it('rotates the student’s week when Tall starts after a missed Monday, and only once that week', async () => {
    const schedule = await probeTopic(VocabularyTopics.learningSchedule);
    try {
      await tall.stop();
      const rotatedWeek = isoWeekOf(previousOccurrence('0 3 * * 1', TIME_ZONE, new Date()) as Date, TIME_ZONE);
      // With the weekly job on, the system context catches the missed week up at start.
      await start(true);
      await waitFor(() => schedule.messages.some((message) => message.key === student.id), { timeoutMs: 30_000, what: 'the student’s learning.week.rotated' });
      const currentWeek = isoWeekOf(new Date(), TIME_ZONE);
      // The student's words are this week's cohort: in the set when the caught-up week is this one (it is, except Monday before 03:00).
      const expectedCohorts = rotatedWeek === currentWeek ? [currentWeek] : [];
      expect(schedule.messages.find((message) => message.key === student.id)?.value).toMatchObject({
        type: 'learning.week.rotated',
        payload: { userId: student.id, week: rotatedWeek, activeCohorts: expectedCohorts, activeCards: expectedCohorts.length * 2 },
      });
      expect((await call('GET', '/my-schedule')).body).toMatchObject({ week: currentWeek, rotatedWeek, activeCohorts: [currentWeek], cycleWeeks: [1, 2, 4, 8] });

      // Run now, even forced: this week's run happens once. It is the week caught up above,
      // except on Monday before 03:00 (school time), when "now" already is the next week: that
      // week then rotates once, here.
      const rotations = rotatedWeek === currentWeek ? 1 : 2;
      for (const path of ['/system/cron/weekly-cohorts/run', '/system/cron/weekly-cohorts/run?force=true']) {
        const run = await api.call('POST', path, { token: admin.accessToken });
        expect(run.status).toBe(200);
        expect(run.body).toMatchObject({ job: 'weekly-cohorts', periodKey: currentWeek, status: 'succeeded' });
      }
      expect((await api.call('POST', '/system/cron/weekly-cohorts/run', { token: student.token })).status).toBe(403);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(schedule.messages.filter((message) => message.key === student.id)).toHaveLength(rotations);
    } finally {
      await schedule.close();
    }
  });
});
