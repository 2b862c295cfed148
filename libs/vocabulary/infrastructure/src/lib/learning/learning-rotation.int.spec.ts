import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { createEvent, type EventEnvelope } from '@tall/platform/event-contracts';
import { uniqueName, waitFor } from '@tall/platform/testing';
import { ReaderWordSaved } from '@tall/reader/contracts';
import { WeeklyCronTriggered } from '@tall/system/contracts';
import { EraseLearningDataCommand, readerCardId } from '@tall/vocabulary/application';
import { startLearningTestApp, type LearningTestApp } from './test-support/learning-test-app';

describe('weekly rotation and the reader’s words (Nest module on MongoDB)', () => {
  let t: LearningTestApp;

  beforeAll(async () => {
    t = await startLearningTestApp();
    t.dictionary.words.set('w-huis', { wordId: 'w-huis', lemma: 'huis', article: 'het', pos: 'noun', translations: { en: 'house' } });
  });

  afterAll(async () => {
    await t?.close();
  });

  const weekly = (periodKey: string, trigger: 'schedule' | 'catch-up' | 'manual' = 'schedule', job = 'weekly-cohorts') =>
    createEvent(WeeklyCronTriggered, { job, periodKey, trigger, triggeredAt: t.clock.now.toISOString() }, { key: `${job}:${periodKey}`, correlationId: randomUUID() });

  async function rotate(envelope: EventEnvelope): Promise<void> {
    await t.deliver(envelope);
    await t.rotation.idle();
    await t.drained();
  }

  const addAt = async (userId: string, at: string, lemma: string) => {
    t.clock.set(at);
    const response = await t.request('POST', '/my-words', userId, { lemma, translation: `${lemma}-en` });
    expect(response.status).toBe(201);
  };
  const studentDoc = (userId: string) => t.db.collection('learning_students').findOne({ _id: userId as never });
  const weekOf = (userId: string, week: string) => t.db.collection('learning_weeks').findOne({ _id: `${week}:${userId}` as never });
  const eventsOf = (type: string, key?: string) => t.published.filter((event) => event.type === type && (key === undefined || event.key === key));

  describe('rotation', () => {
    const alice = randomUUID();
    const bob = randomUUID();
    const erased = randomUUID();
    const emptied = randomUUID();

    beforeAll(async () => {
      // Alice: cohorts of weeks 44 (2 words) and 47 (3 words); Bob: week 41 only; Erased: erased; Emptied: removed their only word.
      await addAt(alice, '2026-10-28T09:00:00Z', 'een');
      await addAt(alice, '2026-10-29T09:00:00Z', 'twee');
      for (const lemma of ['drie', 'vier', 'vijf']) await addAt(alice, '2026-11-18T09:00:00Z', lemma);
      await addAt(bob, '2026-10-07T09:00:00Z', 'zes');
      await addAt(erased, '2026-11-18T09:00:00Z', 'zeven');
      await t.app.get(CommandBus).execute(new EraseLearningDataCommand(erased));
      await addAt(emptied, '2026-11-18T09:00:00Z', 'acht');
      const word = (await t.request('GET', '/my-words', emptied)).body.items[0];
      expect((await t.request('DELETE', `/my-words/${word.id}`, emptied)).status).toBe(204);
    });

    it('sets each student’s active set for the week and publishes it, then the completion once', async () => {
      t.clock.set('2026-11-23T02:00:00Z'); // Monday 03:00 in Amsterdam, week 48
      await rotate(weekly('2026-W48'));

      expect(await weekOf(alice, '2026-W48')).toMatchObject({ userId: alice, week: '2026-W48', activeCohorts: ['2026-W47', '2026-W44'], activeCards: 5, newCohortCards: 0 });
      expect(await weekOf(bob, '2026-W48')).toMatchObject({ activeCohorts: [], activeCards: 0 });
      expect(await weekOf(emptied, '2026-W48')).toMatchObject({ activeCohorts: [], activeCards: 0 });
      expect(await weekOf(erased, '2026-W48')).toBeNull();
      expect(await studentDoc(erased)).toEqual({ _id: erased, erased: true, erasedAt: expect.any(Date) });

      expect(eventsOf('learning.week.rotated', alice).map((event) => event.payload)).toEqual([
        { userId: alice, week: '2026-W48', activeCohorts: ['2026-W47', '2026-W44'], activeCards: 5, newCohortCards: 0, at: '2026-11-23T02:00:00.000Z' },
      ]);
      expect(eventsOf('learning.week.rotated', erased)).toEqual([]);
      const completed = eventsOf('learning.rotation.completed');
      expect(completed).toHaveLength(1);
      expect(completed[0].payload).toEqual({ week: '2026-W48', students: 3, cards: 5, durationMs: expect.any(Number), at: '2026-11-23T02:00:00.000Z' });
      expect(completed[0].key).toBe('2026-W48');

      // Today's queue of the week follows the rotation: weeks 47 and 44 are back.
      t.clock.set('2026-11-23T09:00:00Z');
      const queue = (await t.request('GET', '/my-words/today', alice)).body;
      expect(queue.activeCohorts).toEqual(['2026-W48', '2026-W47', '2026-W44']);
      expect(queue.total).toBe(5);
      expect((await t.request('GET', '/my-words/today', bob)).body.total).toBe(0);
      expect((await t.request('GET', '/my-schedule', alice)).body).toMatchObject({ rotatedWeek: '2026-W48', activeCohorts: ['2026-W48', '2026-W47', '2026-W44'] });
    });

    it('changes nothing and publishes nothing when the week comes again', async () => {
      const before = await weekOf(alice, '2026-W48');
      const published = t.published.length;
      t.clock.set('2026-11-24T10:00:00Z');
      await rotate(weekly('2026-W48', 'manual'));
      await rotate(weekly('2026-W48', 'catch-up'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await weekOf(alice, '2026-W48')).toEqual(before);
      expect(await t.db.collection('learning_weeks').countDocuments({ week: '2026-W48' })).toBe(3);
      expect(t.published.length).toBe(published);
      expect(await t.db.collection('learning_rotations').findOne({ _id: '2026-W48' as never })).toMatchObject({ status: 'completed', trigger: 'schedule', students: 3, cards: 5 });
    });

    it('ignores other weekly jobs', async () => {
      await rotate(weekly('2026-W49', 'schedule', 'something-else'));
      expect(await t.db.collection('learning_rotations').findOne({ _id: '2026-W49' as never })).toBeNull();
    });

    it('rotates a week whose Monday was missed when its event comes late (catch-up at start)', async () => {
      t.clock.set('2026-12-02T15:00:00Z'); // Wednesday of week 49: the Monday run was missed
      await addAt(bob, '2026-12-02T15:00:00Z', 'negen');
      await rotate(weekly('2026-W49', 'catch-up'));
      expect(await weekOf(alice, '2026-W49')).toMatchObject({ activeCohorts: ['2026-W47'], activeCards: 3 });
      // Bob's week-41 cohort is 8 weeks old: back once more.
      expect(await weekOf(bob, '2026-W49')).toMatchObject({ activeCohorts: ['2026-W49', '2026-W41'], activeCards: 2, newCohortCards: 1 });
      expect(eventsOf('learning.rotation.completed').map((event) => (event.payload as { week: string }).week)).toEqual(['2026-W48', '2026-W49']);
    });

    it('skips a week older than one already rotated', async () => {
      await rotate(weekly('2026-W47', 'manual'));
      expect(await t.db.collection('learning_rotations').findOne({ _id: '2026-W47' as never })).toMatchObject({ status: 'skipped' });
      expect(await t.db.collection('learning_weeks').countDocuments({ week: '2026-W47' })).toBe(0);
      expect(eventsOf('learning.rotation.completed')).toHaveLength(2);
    });

    it('is finished at start by another instance when the one running it died', async () => {
      // A week claimed by an instance that crashed: its lease ran out.
      await t.db.collection('learning_rotations').insertOne({
        _id: '2026-W50' as never,
        status: 'running',
        trigger: 'schedule',
        requestedAt: new Date('2026-12-07T02:00:00Z'),
        correlationId: 'crashed-run',
        causationId: null,
        holder: 'dead-instance',
        leaseUntil: new Date('2026-12-07T02:02:01Z'),
        startedAt: new Date('2026-12-07T02:00:01Z'),
        completedAt: null,
        students: 0,
        cards: 0,
      });
      // Before the crash it had written (and the relay published) the events of the first ten
      // students, all three here, then the active sets of Alice and Bob (cycle [1, 3]).
      const rotatedAt = new Date('2026-12-07T02:00:02Z');
      await t.db.collection('learning_week_events').insertOne({ _id: `2026-W50:${[alice, bob, emptied].sort()[0]}` as never, week: '2026-W50', createdAt: rotatedAt });
      await t.db.collection('learning_weeks').insertMany([
        { _id: `2026-W50:${alice}` as never, userId: alice, week: '2026-W50', activeCohorts: ['2026-W47'], activeCards: 3, newCohortCards: 0, rotatedAt },
        { _id: `2026-W50:${bob}` as never, userId: bob, week: '2026-W50', activeCohorts: ['2026-W49'], activeCards: 1, newCohortCards: 0, rotatedAt },
      ]);
      // Started after the lease ran out on its own clock (not the machine's: the test must not age).
      const restarted = await startLearningTestApp({
        mongoDatabase: t.db.databaseName.replace(/_vocabulary$/, ''),
        keep: true,
        cohortCycleWeeks: [1, 3],
        start: '2026-12-07T02:10:00Z',
      });
      try {
        // Polled until done: on a busy machine the restart's catch-up takes what it takes; only
        // the test's own time budget bounds it (a fixed 20 s here once failed on a slow store).
        await waitFor(async () => (await restarted.db.collection('learning_rotations').findOne({ _id: '2026-W50' as never }))?.['status'] === 'completed', {
          timeoutMs: 100_000,
          what: 'the restarted instance to finish week 50',
        });
        await restarted.drained();
        // Either instance's relay may publish (one holds the outbox lease at a time).
        const published = [...t.published, ...restarted.published];
        // Alice and Bob were done: left alone. Emptied gets the set (cycle [1, 3]: weeks 50, 49, 47). No event twice.
        expect(await weekOf(alice, '2026-W50')).toMatchObject({ activeCohorts: ['2026-W47'], rotatedAt });
        expect(await weekOf(bob, '2026-W50')).toMatchObject({ activeCohorts: ['2026-W49'], rotatedAt });
        expect(await weekOf(emptied, '2026-W50')).toMatchObject({ activeCohorts: [], activeCards: 0 });
        const rotated = published.filter((event) => event.type === 'learning.week.rotated' && (event.payload as { week: string }).week === '2026-W50');
        expect(rotated).toEqual([]);
        const completed = published.filter((event) => event.type === 'learning.rotation.completed' && (event.payload as { week: string }).week === '2026-W50');
        expect(completed.map((event) => [event.payload, event.correlationId])).toEqual([
          [expect.objectContaining({ week: '2026-W50', students: 3, cards: 4 }), 'crashed-run'],
        ]);
      } finally {
        await restarted.close();
      }
    });
  });

  describe('reader.wordSaved', () => {
    const saved = (userId: string, overrides: Partial<{ savedId: string; lemma: string; translation: string | null; wordId: string | null; at: string }> = {}) =>
      createEvent(
        ReaderWordSaved,
        {
          userId,
          savedId: overrides.savedId ?? uniqueName('save'),
          lemma: overrides.lemma ?? 'Boek',
          translation: overrides.translation === undefined ? 'book' : overrides.translation,
          article: 'het',
          context: 'Ik lees een boek over Amsterdam.',
          textId: 'text-42',
          wordId: overrides.wordId ?? null,
          at: overrides.at ?? '2026-11-29T22:45:00Z',
        },
        { key: userId, correlationId: randomUUID() },
      );

    it('adds the word once per save, in the cohort of the week it was saved in, and not a second time by lemma', async () => {
      const userId = randomUUID();
      t.clock.set('2026-11-30T08:00:00Z');
      const event = saved(userId, { savedId: 'save-1' });
      await t.deliver(event);
      await t.deliver(event); // redelivered
      await t.deliver({ ...event, id: randomUUID() }); // published twice by the reader
      await t.deliver(saved(userId, { savedId: 'save-2', lemma: 'BOEK', translation: 'volume' })); // same lemma, another save

      const words = (await t.request('GET', '/my-words', userId)).body;
      expect(words.total).toBe(1);
      expect(words.items[0]).toMatchObject({
        id: readerCardId(userId, 'save-1'),
        lemma: 'Boek',
        article: 'het',
        translation: 'book',
        context: 'Ik lees een boek over Amsterdam.',
        source: 'reader',
        cohortWeek: '2026-W48', // saved on Sunday 23:45 in Amsterdam
        addedAt: '2026-11-29T22:45:00.000Z',
      });
      await waitFor(() => eventsOf('learning.word.added', userId).length === 1, { what: 'word.added' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const added = eventsOf('learning.word.added', userId);
      expect(added).toHaveLength(1);
      expect(added[0].payload).toMatchObject({ source: 'reader', wordId: null, cohortWeek: '2026-W48' });
      expect(added[0].causationId).toBe(event.id);
      expect(added[0].correlationId).toBe(event.correlationId);
      expect((await studentDoc(userId))?.['cohorts']).toEqual({ '2026-W48': 1 });
      // A word the student added themselves is not added again by the reader.
      expect((await t.request('POST', '/my-words', userId, { lemma: 'lezen', translation: 'to read' })).status).toBe(201);
      await t.deliver(saved(userId, { lemma: 'Lezen' }));
      expect((await t.request('GET', '/my-words', userId)).body.total).toBe(2);
    });

    it('takes the translation from the dictionary when the reader had none', async () => {
      const userId = randomUUID();
      await t.deliver(saved(userId, { lemma: 'huis', translation: null, wordId: 'w-huis' }));
      await t.deliver(saved(userId, { lemma: 'gracht', translation: null, at: '2026-11-29T22:50:00Z' }));
      const words = (await t.request('GET', '/my-words', userId)).body.items;
      expect(words.map((word: { lemma: string; translation: string | null; wordId: string | null }) => [word.lemma, word.translation, word.wordId])).toEqual([
        ['gracht', null, null],
        ['huis', 'house', 'w-huis'],
      ]);
      t.clock.set('2026-11-29T22:55:00Z'); // still week 48 in Amsterdam: the cohort is this week's
      const queue = (await t.request('GET', '/my-words/today', userId)).body;
      expect(queue.items.find((card: { lemma: string }) => card.lemma === 'gracht').prompt).toEqual({ front: 'het gracht', back: 'Ik lees een boek over Amsterdam.' });
    });

    it('brings no word back for an erased student', async () => {
      const userId = randomUUID();
      await t.app.get(CommandBus).execute(new EraseLearningDataCommand(userId));
      await t.deliver(saved(userId));
      expect(await t.db.collection('learning_cards').countDocuments({ userId })).toBe(0);
    });
  });
});
