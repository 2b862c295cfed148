import { randomUUID } from 'node:crypto';
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ScheduledJobs } from '@tall/platform/scheduling';
import { waitFor } from '@tall/platform/testing';
import { EraseLearningDataCommand, ExportLearningDataQuery, ReviewLearningCardCommand } from '@tall/vocabulary/application';
import { LEARNING_MAINTENANCE_JOB } from './learning-cards.lifecycle';
import { startLearningTestApp, type LearningTestApp } from './test-support/learning-test-app';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('learning cards (Nest module on MongoDB)', () => {
  let t: LearningTestApp;

  beforeAll(async () => {
    t = await startLearningTestApp();
    t.dictionary.words.set('w-huis', { wordId: 'w-huis', lemma: 'huis', article: 'het', pos: 'noun', translations: { en: 'house', uk: 'будинок' } });
    t.dictionary.words.set('w-lopen', { wordId: 'w-lopen', lemma: 'lopen', article: null, pos: 'verb', translations: { uk: 'ходити' } });
  });

  afterAll(async () => {
    await t?.close();
  });

  const student = () => randomUUID();
  const add = (userId: string, body: Record<string, unknown>) => t.request('POST', '/my-words', userId, body);
  const addOwn = async (userId: string, lemma: string, translation = `${lemma}-en`) => {
    const response = await add(userId, { lemma, translation });
    expect(response.status).toBe(201);
    return response.body as { id: string; cohortWeek: string };
  };
  const review = (userId: string, userWordId: string, rating: string, extra: Record<string, unknown> = {}) =>
    t.request('POST', '/my-words/reviews', userId, {
      reviewId: randomUUID(),
      userWordId,
      rating,
      answeredAt: t.clock.now.toISOString(),
      durationMs: 2500,
      ...extra,
    });

  describe('cohorts', () => {
    it('puts a word in the cohort of the ISO week it was added in, by the Amsterdam calendar', async () => {
      const userId = student();
      // Sunday 29 Nov 2026 23:30 in Amsterdam (CET, UTC+1) is still week 48 …
      t.clock.set('2026-11-29T22:30:00Z');
      expect((await addOwn(userId, 'zondag')).cohortWeek).toBe('2026-W48');
      // … Monday 00:30 there is week 49, although it is still Sunday in UTC.
      t.clock.set('2026-11-29T23:30:00Z');
      expect((await addOwn(userId, 'maandag')).cohortWeek).toBe('2026-W49');
      const stored = await t.db.collection('learning_cards').find({ userId }).sort({ addedAt: 1 }).toArray();
      expect(stored.map((card) => card['cohortWeek'])).toEqual(['2026-W48', '2026-W49']);
      expect((await t.db.collection('learning_students').findOne({ _id: userId as never }))?.['cohorts']).toEqual({ '2026-W48': 1, '2026-W49': 1 });
    });
  });

  describe('my words', () => {
    beforeEach(() => t.clock.set('2026-11-25T10:00:00Z'));

    it('adds own words and dictionary words, once per lemma in any case, and publishes no word', async () => {
      const userId = student();
      const own = await add(userId, { lemma: '  Fiets ', translation: 'bicycle', article: 'de', note: 'my own' });
      expect(own.status).toBe(201);
      expect(own.body).toEqual({
        id: expect.any(String),
        lemma: 'Fiets',
        article: 'de',
        translation: 'bicycle',
        note: 'my own',
        context: null,
        source: 'own',
        wordId: null,
        cohortWeek: '2026-W48',
        addedAt: '2026-11-25T10:00:00.000Z',
        state: 'new',
        dueAt: '2026-11-25T10:00:00.000Z',
        reps: 0,
        lapses: 0,
        lastReviewedAt: null,
      });
      const again = await add(userId, { lemma: 'FIETS', translation: 'bike' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'LEARNING_WORD_EXISTS', details: { userWordId: own.body.id } });

      const fromDictionary = await add(userId, { wordId: 'w-huis', language: 'uk' });
      expect(fromDictionary.status).toBe(201);
      expect(fromDictionary.body).toMatchObject({ lemma: 'huis', article: 'het', translation: 'будинок', source: 'dictionary', wordId: 'w-huis' });
      expect((await add(userId, { wordId: 'w-huis' })).status).toBe(409);
      // No English translation: the first the dictionary has.
      expect((await add(userId, { wordId: 'w-lopen' })).body).toMatchObject({ lemma: 'lopen', translation: 'ходити' });
      const unknown = await add(userId, { wordId: 'w-nope' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('DICTIONARY_WORD_NOT_FOUND');

      await waitFor(() => t.published.filter((event) => event.type === 'learning.word.added' && event.key === userId).length === 3, { what: 'three word.added events' });
      const added = t.published.filter((event) => event.type === 'learning.word.added' && event.key === userId);
      expect(added[0].payload).toEqual({ userId, userWordId: own.body.id, source: 'own', wordId: null, cohortWeek: '2026-W48', at: '2026-11-25T10:00:00.000Z' });
      expect(added[1].payload).toMatchObject({ source: 'dictionary', wordId: 'w-huis' });
      expect(JSON.stringify(added)).not.toMatch(/Fiets|bicycle|my own|будинок|ходити/);
    });

    it('refuses bad input field by field', async () => {
      const userId = student();
      const cases: Array<[Record<string, unknown>, string[]]> = [
        [{ lemma: 'kat' }, ['translation']],
        [{ translation: 'cat' }, ['lemma']],
        [{ wordId: 'w-huis', lemma: 'huis' }, ['lemma']],
        [{ lemma: 'kat', translation: 'cat', language: 'en' }, ['language']],
        [{ lemma: 'kat', translation: 'cat', colour: 'red' }, ['colour']],
        [{ lemma: 'kat', translation: 'cat', article: 'het het' }, ['article']],
        [{ lemma: '   ', translation: 'cat' }, ['lemma']],
        [{ lemma: 'k'.repeat(81), translation: 'cat' }, ['lemma']],
        // Closer to neither shape: named after the one with fewer fields missing.
        [{}, ['wordId']],
      ];
      for (const [body, fields] of cases) {
        const response = await add(userId, body);
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
        expect(response.body.details.fields.map((field: { field: string }) => field.field).sort()).toEqual(fields);
      }
      expect((await t.request('GET', '/my-words', userId)).body.total).toBe(0);
    });

    it('lists newest first with search and pages, and only the student’s own words', async () => {
      const userId = student();
      const other = student();
      for (const [index, lemma] of ['appel', 'peer', 'banaan', 'Appelsap'].entries()) {
        t.clock.set(`2026-11-25T10:0${index}:00Z`);
        await addOwn(userId, lemma, lemma === 'banaan' ? 'yellow, not an APPEL' : `${lemma} (fruit)`);
      }
      await addOwn(other, 'appel');
      const all = await t.request('GET', '/my-words?pageSize=3', userId);
      expect(all.body).toMatchObject({ total: 4, page: 1, pageSize: 3 });
      expect(all.body.items.map((word: { lemma: string }) => word.lemma)).toEqual(['Appelsap', 'banaan', 'peer']);
      expect((await t.request('GET', '/my-words?pageSize=3&page=2', userId)).body.items.map((word: { lemma: string }) => word.lemma)).toEqual(['appel']);
      const search = await t.request('GET', '/my-words?q=APPEL', userId);
      expect(search.body.items.map((word: { lemma: string }) => word.lemma)).toEqual(['Appelsap', 'banaan', 'appel']);
      expect((await t.request('GET', '/my-words?q=a.p', userId)).body.total).toBe(0); // no regex injection
      expect((await t.request('GET', '/my-words?pageSize=0', userId)).status).toBe(400);
      expect((await t.request('GET', '/my-words?sort=lemma', userId)).status).toBe(400);
      expect((await t.request('GET', '/my-words', null)).status).toBe(401);
      expect((await t.request('GET', '/my-words', userId, undefined, 'TEACHER')).status).toBe(403);
    });

    it('removes a word: 204, then 404; another student’s word is 404; the lemma may come back', async () => {
      const userId = student();
      const { id, cohortWeek } = await addOwn(userId, 'weg', 'away');
      expect((await t.request('DELETE', `/my-words/${id}`, student())).status).toBe(404);
      expect((await t.request('DELETE', `/my-words/${id}`, userId)).status).toBe(204);
      const second = await t.request('DELETE', `/my-words/${id}`, userId);
      expect(second.status).toBe(404);
      expect(second.body.code).toBe('LEARNING_WORD_NOT_FOUND');
      const kept = await t.db.collection('learning_cards').findOne({ _id: id as never });
      expect(kept).toMatchObject({ status: 'removed', cohortWeek });
      expect(kept).not.toHaveProperty('lemma');
      expect(kept).not.toHaveProperty('translation');
      expect((await t.db.collection('learning_students').findOne({ _id: userId as never }))?.['cohorts']).toEqual({ [cohortWeek]: 0 });
      await waitFor(() => t.published.find((event) => event.type === 'learning.word.removed' && event.key === userId), { what: 'word.removed' });
      expect(t.published.find((event) => event.type === 'learning.word.removed' && event.key === userId)?.payload).toEqual({
        userId,
        userWordId: id,
        cohortWeek,
        at: t.clock.now.toISOString(),
      });
      expect((await add(userId, { lemma: 'Weg', translation: 'road' })).status).toBe(201);
    });
  });

  describe('reviews (FSRS)', () => {
    beforeEach(() => t.clock.set('2026-11-25T10:00:00Z'));

    it('schedules as ts-fsrs does for the same inputs, with the configured retention', async () => {
      const userId = student();
      const { id } = await addOwn(userId, 'onthouden', 'remember');
      const reference = fsrs({ request_retention: 0.9, enable_fuzz: true, enable_short_term: true });
      let card: Card = createEmptyCard(new Date('2026-11-25T10:00:00Z'));
      const steps: Array<[string, Grade, number]> = [
        ['good', Rating.Good, 0],
        ['good', Rating.Good, 10 * MINUTE],
        ['again', Rating.Again, 4 * DAY],
        ['good', Rating.Good, 4 * DAY + 10 * MINUTE],
        ['easy', Rating.Easy, 12 * DAY],
      ];
      const start = t.clock.now.getTime();
      for (const [rating, grade, offset] of steps) {
        t.clock.set(new Date(start + offset + 30_000).toISOString());
        const answeredAt = new Date(start + offset);
        const response = await review(userId, id, rating, { answeredAt: answeredAt.toISOString() });
        expect(response.status).toBe(200);
        card = reference.next(card, answeredAt, grade).card;
        expect(response.body).toEqual({
          userWordId: id,
          rating,
          state: ['new', 'learning', 'review', 'relearning'][card.state],
          dueAt: card.due.toISOString(),
          stability: card.stability,
          difficulty: card.difficulty,
          duplicate: false,
        });
      }
      const word = (await t.request('GET', '/my-words', userId)).body.items[0];
      expect(word).toMatchObject({ reps: 5, lapses: 1, state: 'review', dueAt: card.due.toISOString() });
      await waitFor(() => t.published.filter((event) => event.type === 'learning.card.reviewed' && event.key === userId).length === 5, { what: 'five reviews published' });
      const last = t.published.filter((event) => event.type === 'learning.card.reviewed' && event.key === userId).at(-1);
      expect(last?.payload).toMatchObject({ userWordId: id, rating: 'easy', state: 'review', dueAt: card.due.toISOString(), durationMs: 2500, cohortWeek: '2026-W48' });
    });

    it('answers a repeated reviewId with the stored result and changes nothing', async () => {
      const userId = student();
      const { id } = await addOwn(userId, 'herhalen', 'repeat');
      const body = { reviewId: randomUUID(), userWordId: id, rating: 'good', answeredAt: t.clock.now.toISOString(), durationMs: 1000 };
      const first = await t.request('POST', '/my-words/reviews', userId, body);
      t.clock.advance(DAY);
      const repeat = await t.request('POST', '/my-words/reviews', userId, { ...body, rating: 'again' });
      expect(repeat.status).toBe(200);
      expect(repeat.body).toEqual({ ...first.body, duplicate: true });
      const card = await t.db.collection('learning_cards').findOne({ _id: id as never });
      expect(card).toMatchObject({ reps: 1, version: 1 });
      // The same reviewId for another card is a client bug, not a duplicate.
      const other = await addOwn(userId, 'ander', 'other');
      const conflict = await t.request('POST', '/my-words/reviews', userId, { ...body, userWordId: other.id });
      expect(conflict.status).toBe(409);
      expect(conflict.body.code).toBe('REVIEW_ID_CONFLICT');
      // The command answers the batch endpoint the same way.
      const commands = t.app.get(CommandBus);
      expect(await commands.execute(new ReviewLearningCardCommand(userId, { ...body, rating: 'good' }))).toEqual({ ...first.body, duplicate: true });
    });

    it('finishes a review whose request died between its two writes, once', async () => {
      const userId = student();
      const { id } = await addOwn(userId, 'onderbroken', 'interrupted');
      const reviews = t.db.collection('learning_reviews');
      const body = (reviewId: string) => ({ reviewId, userWordId: id, rating: 'good', answeredAt: t.clock.now.toISOString(), durationMs: 900 });
      // Died after claiming the review id, before writing the card: the retry applies it.
      const claimed = randomUUID();
      await reviews.insertOne({ _id: claimed as never, userId, userWordId: id, applied: false, claimedAt: t.clock.now });
      const first = await t.request('POST', '/my-words/reviews', userId, body(claimed));
      expect(first.body).toMatchObject({ duplicate: false, state: 'learning' });
      // Died after writing the card, before completing the log: the retry finds it in the card.
      const written = randomUUID();
      const second = await t.request('POST', '/my-words/reviews', userId, body(written));
      await reviews.updateOne({ _id: written as never }, { $set: { applied: false }, $unset: { outcome: '' } });
      expect((await t.request('POST', '/my-words/reviews', userId, body(written))).body).toEqual({ ...second.body, duplicate: true });
      expect(await t.db.collection('learning_cards').findOne({ _id: id as never })).toMatchObject({ reps: 2, version: 2 });
      expect(await reviews.findOne({ _id: written as never })).toMatchObject({ applied: true, stateBefore: 'learning', rating: 'good' });
    });

    it('refuses unknown words, other students’ words, bad ratings and answers from the future', async () => {
      const userId = student();
      const { id } = await addOwn(userId, 'fout', 'wrong');
      const unknown = await review(userId, randomUUID(), 'good');
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('LEARNING_WORD_NOT_FOUND');
      expect((await review(student(), id, 'good')).status).toBe(404);

      const badRating = await review(userId, id, 'perfect');
      expect(badRating.status).toBe(400);
      expect(badRating.body.details.fields).toEqual([expect.objectContaining({ field: 'rating' })]);
      const future = await review(userId, id, 'good', { answeredAt: new Date(t.clock.now.getTime() + 6 * MINUTE).toISOString() });
      expect(future.status).toBe(422);
      expect(future.body).toMatchObject({ code: 'ANSWERED_AT_IN_FUTURE', details: { fields: [{ field: 'answeredAt', code: 'too_far_in_future' }] } });
      // Within the allowed clock skew it is fine.
      expect((await review(userId, id, 'good', { answeredAt: new Date(t.clock.now.getTime() + 4 * MINUTE).toISOString() })).status).toBe(200);
      for (const extra of [{ durationMs: -1 }, { reviewId: 'not-a-uuid' }, { answeredAt: 'yesterday' }, { extra: true }]) {
        expect((await review(userId, id, 'good', extra)).status).toBe(400);
      }
      // A removed word cannot be reviewed.
      await t.request('DELETE', `/my-words/${id}`, userId);
      expect((await review(userId, id, 'good')).status).toBe(404);
    });

    it('applies concurrent reviews of one card one after another, and one reviewId once', async () => {
      const userId = student();
      const { id } = await addOwn(userId, 'tegelijk', 'at once');
      const responses = await Promise.all(Array.from({ length: 6 }, () => review(userId, id, 'good')));
      expect(responses.map((response) => response.status)).toEqual(Array(6).fill(200));
      expect(responses.every((response) => response.body.duplicate === false)).toBe(true);
      const card = await t.db.collection('learning_cards').findOne({ _id: id as never });
      expect(card).toMatchObject({ reps: 6, version: 6 });
      expect(await t.db.collection('learning_reviews').countDocuments({ userId, applied: true })).toBe(6);

      const same = { reviewId: randomUUID(), userWordId: id, rating: 'hard', answeredAt: t.clock.now.toISOString(), durationMs: 10 };
      const racing = await Promise.all(Array.from({ length: 5 }, () => t.request('POST', '/my-words/reviews', userId, same)));
      expect(racing.map((response) => response.status)).toEqual(Array(5).fill(200));
      expect(racing.filter((response) => response.body.duplicate === false)).toHaveLength(1);
      expect(new Set(racing.map((response) => response.body.dueAt)).size).toBe(1);
      expect(await t.db.collection('learning_cards').findOne({ _id: id as never })).toMatchObject({ reps: 7, version: 7 });
    });
  });

  describe('today, schedule and stats', () => {
    it('queues due cards of the active cohorts only, earliest due first, and counts the day', async () => {
      const userId = student();
      // Cohorts of weeks 40, 43 and 44; the student's last rotation (week 48) made 44 and 40 active.
      for (const [at, lemma] of [
        ['2026-09-30T10:00:00Z', 'oud'],
        ['2026-10-21T10:00:00Z', 'rust'],
        ['2026-10-28T10:00:00Z', 'terug'],
        ['2026-10-28T11:00:00Z', 'ook'],
      ] as const) {
        t.clock.set(at);
        await addOwn(userId, lemma);
      }
      await t.db.collection('learning_weeks').insertOne({
        _id: `2026-W48:${userId}` as never,
        userId,
        week: '2026-W48',
        activeCohorts: ['2026-W44', '2026-W40'],
        activeCards: 3,
        newCohortCards: 0,
        rotatedAt: new Date('2026-11-23T02:00:00Z'),
      });
      t.clock.set('2026-11-25T10:00:00Z');
      const fresh = await addOwn(userId, 'nieuw');

      const queue = await t.request('GET', '/my-words/today', userId);
      expect(queue.status).toBe(200);
      expect(queue.body).toMatchObject({ day: '2026-11-25', week: '2026-W48', activeCohorts: ['2026-W48', '2026-W44', '2026-W40'], total: 4 });
      expect(queue.body.items.map((card: { lemma: string }) => card.lemma)).toEqual(['oud', 'terug', 'ook', 'nieuw']);
      expect(queue.body.items[1]).toEqual({
        userWordId: expect.any(String),
        prompt: { front: 'terug', back: 'terug-en' },
        lemma: 'terug',
        article: null,
        translation: 'terug-en',
        note: null,
        context: null,
        cohortWeek: '2026-W44',
        state: 'new',
        dueAt: '2026-10-28T10:00:00.000Z',
      });
      expect((await t.request('GET', '/my-words/today?limit=2', userId)).body.items).toHaveLength(2);
      expect((await t.request('GET', '/my-words/today?limit=500', userId)).status).toBe(400);

      // Reviewing: `easy` takes a card out for days; `again` brings it back within the learn-ahead window.
      expect((await review(userId, fresh.id, 'easy')).status).toBe(200);
      const oud = queue.body.items[0].userWordId;
      expect((await review(userId, oud, 'again')).status).toBe(200);
      const after = await t.request('GET', '/my-words/today', userId);
      expect(after.body.items.map((card: { lemma: string }) => card.lemma)).toEqual(['terug', 'ook', 'oud']);
      // The week-43 card, not active this week, may still be practised.
      const rust = (await t.request('GET', '/my-words?q=rust', userId)).body.items[0];
      expect((await review(userId, rust.id, 'good')).status).toBe(200);

      const schedule = await t.request('GET', '/my-schedule', userId);
      expect(schedule.status).toBe(200);
      expect(schedule.body).toMatchObject({
        timeZone: 'Europe/Amsterdam',
        day: '2026-11-25',
        week: '2026-W48',
        cycleWeeks: [1, 2, 4, 8],
        rotatedWeek: '2026-W48',
        activeCohorts: ['2026-W48', '2026-W44', '2026-W40'],
        dueToday: 3,
        doneToday: 3,
      });
      expect(schedule.body.cohorts).toEqual([
        { week: '2026-W48', size: 1, position: 0, activeThisWeek: true, nextActiveWeek: '2026-W49', activeWeeks: ['2026-W48', '2026-W49', '2026-W50', '2026-W52', '2027-W03'], dueToday: 0 },
        { week: '2026-W44', size: 2, position: 4, activeThisWeek: true, nextActiveWeek: '2026-W52', activeWeeks: ['2026-W44', '2026-W45', '2026-W46', '2026-W48', '2026-W52'], dueToday: 2 },
        { week: '2026-W43', size: 1, position: null, activeThisWeek: false, nextActiveWeek: '2026-W51', activeWeeks: ['2026-W43', '2026-W44', '2026-W45', '2026-W47', '2026-W51'], dueToday: 0 },
        { week: '2026-W40', size: 1, position: 8, activeThisWeek: true, nextActiveWeek: null, activeWeeks: ['2026-W40', '2026-W41', '2026-W42', '2026-W44', '2026-W48'], dueToday: 1 },
      ]);
      expect(schedule.body.upcoming[0]).toEqual({ week: '2026-W49', cohorts: ['2026-W48'], cards: 1 });
      expect(schedule.body.upcoming.find((week: { week: string }) => week.week === '2026-W52')).toEqual({ week: '2026-W52', cohorts: ['2026-W48', '2026-W44'], cards: 3 });

      const stats = await t.request('GET', '/my-words/stats', userId);
      expect(stats.status).toBe(200);
      expect(stats.body).toEqual({
        day: '2026-11-25',
        cards: { total: 5, new: 2, learning: 2, review: 1, relearning: 0 },
        dueToday: 3,
        reviewedToday: 3,
        retention30d: { reviews: 0, remembered: 0, rate: null },
      });
    });

    it('measures retention over the last 30 days on reviews of cards in the review state', async () => {
      const userId = student();
      t.clock.set('2026-11-01T10:00:00Z');
      const cards = [await addOwn(userId, 'een'), await addOwn(userId, 'twee'), await addOwn(userId, 'drie')];
      for (const card of cards) await review(userId, card.id, 'easy'); // new → review
      t.clock.set('2026-11-20T10:00:00Z');
      await review(userId, cards[0].id, 'good');
      await review(userId, cards[1].id, 'hard');
      await review(userId, cards[2].id, 'again');
      t.clock.set('2026-11-25T10:00:00Z');
      const stats = (await t.request('GET', '/my-words/stats', userId)).body;
      expect(stats.retention30d).toEqual({ reviews: 3, remembered: 2, rate: 2 / 3 });
      expect(stats.reviewedToday).toBe(0);
      expect(stats.cards).toMatchObject({ total: 3, review: 2, relearning: 1 });
    });
  });

  describe('cohort sizes and maintenance', () => {
    const students = () => t.db.collection('learning_students');

    it('repairs a student’s cohort sizes from the cards when they drifted', async () => {
      const userId = student();
      t.clock.set('2026-11-25T10:00:00Z');
      await addOwn(userId, 'een');
      await addOwn(userId, 'twee');
      // As if the process died between a card's write and the size's.
      await students().updateOne({ _id: userId as never }, { $set: { 'cohorts.2026-W48': 7, 'cohorts.2026-W40': 3 } });
      const schedule = (await t.request('GET', '/my-schedule', userId)).body;
      expect(schedule.cohorts.map((cohort: { week: string; size: number }) => [cohort.week, cohort.size])).toEqual([['2026-W48', 2]]);
      expect((await students().findOne({ _id: userId as never }))?.['cohorts']).toEqual({ '2026-W48': 2 });
    });

    it('daily: rechecks recently changed students, deletes removed words after 30 days and old weekly sets', async () => {
      const drifted = student();
      const leaver = student();
      t.clock.set('2026-10-01T10:00:00Z');
      const old = await addOwn(leaver, 'oud');
      expect((await t.request('DELETE', `/my-words/${old.id}`, leaver)).status).toBe(204);
      t.clock.set('2026-11-25T10:00:00Z');
      const recent = await addOwn(leaver, 'nieuw');
      expect((await t.request('DELETE', `/my-words/${recent.id}`, leaver)).status).toBe(204);
      await addOwn(drifted, 'drie');
      await students().updateOne({ _id: drifted as never }, { $set: { 'cohorts.2026-W48': 5 } });
      await t.db.collection('learning_weeks').insertMany([
        { _id: `2026-W30:${drifted}` as never, userId: drifted, week: '2026-W30', activeCohorts: [], activeCards: 0, newCohortCards: 0, rotatedAt: new Date('2026-07-20T01:00:00Z') },
        { _id: `2026-W47:${drifted}` as never, userId: drifted, week: '2026-W47', activeCohorts: [], activeCards: 0, newCohortCards: 0, rotatedAt: new Date('2026-11-16T02:00:00Z') },
      ]);
      await t.drained();

      const run = await t.app.get(ScheduledJobs).runNow(LEARNING_MAINTENANCE_JOB);
      expect(run).toMatchObject({ status: 'succeeded' });
      expect((await students().findOne({ _id: drifted as never }))?.['cohorts']).toEqual({ '2026-W48': 1 });
      expect(await t.db.collection('learning_cards').countDocuments({ _id: old.id as never })).toBe(0);
      expect(await t.db.collection('learning_cards').findOne({ _id: recent.id as never })).toMatchObject({ status: 'removed' });
      expect(await t.db.collection('learning_weeks').countDocuments({ userId: drifted })).toBe(1);
    });
  });

  describe('export and erasure', () => {
    it('exports everything about the student and erases it all', async () => {
      const userId = student();
      t.clock.set('2026-11-25T10:00:00Z');
      const kept = await addOwn(userId, 'bewaren', 'keep');
      const gone = await addOwn(userId, 'weggooien', 'throw away');
      await review(userId, kept.id, 'good');
      await t.request('DELETE', `/my-words/${gone.id}`, userId);
      const exportOf = (id: string) => t.app.get(QueryBus).execute(new ExportLearningDataQuery(id));
      const data = await exportOf(userId);
      expect(data).toMatchObject({
        words: [expect.objectContaining({ id: kept.id, lemma: 'bewaren', translation: 'keep', reps: 1 })],
        removedWords: [{ id: gone.id, cohortWeek: '2026-W48', removedAt: '2026-11-25T10:00:00.000Z' }],
        reviews: [expect.objectContaining({ userWordId: kept.id, rating: 'good', stateBefore: 'new', stateAfter: 'learning' })],
        cohortSizes: { '2026-W48': 1 },
        weeklyActiveSets: [],
      });
      expect(JSON.stringify(data)).not.toContain('weggooien');

      await t.app.get(CommandBus).execute(new EraseLearningDataCommand(userId));
      expect(await t.db.collection('learning_cards').countDocuments({ userId })).toBe(0);
      expect(await t.db.collection('learning_reviews').countDocuments({ userId })).toBe(0);
      expect(await t.db.collection('learning_students').findOne({ _id: userId as never })).toEqual({ _id: userId, erased: true, erasedAt: expect.any(Date) });
      expect(await exportOf(userId)).toEqual({ words: [], removedWords: [], reviews: [], cohortSizes: null, weeklyActiveSets: [] });
      expect((await add(userId, { lemma: 'terug', translation: 'back' })).status).toBe(410);
    });
  });
});
