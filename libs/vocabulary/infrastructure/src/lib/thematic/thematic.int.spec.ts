import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import type { Principal } from '@tall/platform/auth';
import { ThematicCardReviewed, ThematicTopicMastered, ThematicTopicProgressed } from '@tall/vocabulary/contracts';
import { seedTopicId, seedWordId } from '@tall/vocabulary/domain';
import { startVocabularyApp, student, type VocabularyTestApp } from '../../test-support/vocabulary-test-app';
import { RecoverThematicReviewsCommand } from '@tall/vocabulary/application';
import { THEMATIC_CARDS, THEMATIC_REVIEWS } from '../persistence/collections';
import { MongoThematicStore } from './mongo-thematic.store';

const kitchen = seedTopicId('kitchen');
const school = seedTopicId('school');
const word = {
  tafel: seedWordId('kitchen', 'tafel', 'noun'),
  mes: seedWordId('kitchen', 'mes', 'noun'),
  kosten: seedWordId('kitchen', 'kosten', 'noun'),
  eten: seedWordId('kitchen', 'eten', 'verb'),
  koken: seedWordId('kitchen', 'koken', 'verb'),
  opbellen: seedWordId('kitchen', 'opbellen', 'verb'),
  drinken: seedWordId('kitchen', 'drinken', 'verb'),
  lekker: seedWordId('kitchen', 'lekker', 'adjective'),
  boek: seedWordId('school', 'boek', 'noun'),
  pen: seedWordId('school', 'pen', 'noun'),
  lezen: seedWordId('school', 'lezen', 'verb'),
  vragen: seedWordId('school', 'vragen', 'verb'),
};
const RIGHT: Record<string, { mode: string; answer: unknown }> = {
  [word.boek]: { mode: 'recall', answer: 'het boek' },
  [word.pen]: { mode: 'article', answer: 'de' },
  [word.lezen]: { mode: 'verb-forms', answer: { pastSingular: 'las', pastPlural: 'lazen', participle: 'gelezen' } },
  [word.vragen]: { mode: 'recognition', answer: 'to ask' },
};

describe('thematic cards (Nest app on MongoDB)', () => {
  let vocab: VocabularyTestApp;
  const teacher: Principal = { userId: randomUUID(), role: 'TEACHER', sessionId: randomUUID() };

  beforeAll(async () => {
    vocab = await startVocabularyApp();
  });

  afterAll(async () => {
    await vocab?.close();
  });

  const review = (who: Principal, wordId: string, mode: string, answer: unknown, extra: Record<string, unknown> = {}, query = '') =>
    vocab.request('POST', `/thematic/reviews${query}`, who, {
      reviewId: randomUUID(),
      wordId,
      mode,
      answer,
      answeredAt: vocab.clock.now.toISOString(),
      durationMs: 1500,
      ...extra,
    });
  const card = (who: Principal, wordId: string) => vocab.db.collection(THEMATIC_CARDS).findOne({ _id: `${who.userId}:${wordId}` as never });
  const stats = async (who: Principal) => (await vocab.request('GET', '/thematic/stats', who)).body;
  const topicStats = async (who: Principal, topicId: string) => (await stats(who)).topics.find((topic: { topicId: string }) => topic.topicId === topicId);

  describe('the dictionary', () => {
    it('lists topics with word counts, and the student’s own figures', async () => {
      const me = student();
      const answer = await vocab.request('GET', '/topics', me);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual([
        {
          id: kitchen,
          slug: 'kitchen',
          title: { nl: 'De keuken', en: 'The kitchen' },
          level: 'A1',
          order: 1,
          wordCount: 8,
          stats: expect.objectContaining({ wordCount: 8, seen: 0, mastered: 0, dueToday: 0, accuracy: null, streak: 0, topicMastered: false }),
        },
        expect.objectContaining({ id: school, slug: 'school', level: 'A2', wordCount: 4 }),
      ]);
      expect((await vocab.request('GET', '/topics?level=A2', me)).body.map((topic: { slug: string }) => topic.slug)).toEqual(['school']);
      expect((await vocab.request('GET', '/topics?level=C2', me)).status).toBe(400);
      expect((await vocab.request('GET', '/topics', teacher)).body[0].stats).toBeNull();
      expect((await vocab.request('GET', '/topics')).status).toBe(401);
    });

    it('lists a topic’s words to any signed-in role; a student sees their box', async () => {
      const me = student();
      await review(me, word.mes, 'article', 'het');
      const words = (await vocab.request('GET', `/topics/${kitchen}/words`, me)).body;
      expect(words.map((entry: { lemma: string }) => entry.lemma)).toEqual(['tafel', 'mes', 'kosten', 'eten', 'koken', 'opbellen', 'drinken', 'lekker']);
      expect(words[0]).toMatchObject({ id: word.tafel, article: 'de', plural: 'tafels', translations: { en: 'table', ru: 'стол' }, card: null });
      expect(words[1].card).toEqual({ box: 2, dueAt: expect.any(String), mastered: false });
      expect(words[3].verb).toMatchObject({ irregular: true, pastSingular: 'at', participle: 'gegeten' });
      const forTeacher = await vocab.request('GET', `/topics/${kitchen}/words`, teacher);
      expect(forTeacher.status).toBe(200);
      expect(forTeacher.body.every((entry: { card: unknown }) => entry.card === null)).toBe(true);
      expect(await vocab.request('GET', '/topics/t_nope/words', me)).toMatchObject({ status: 404, body: { code: 'TOPIC_NOT_FOUND' } });
    });
  });

  describe('sessions', () => {
    it('draws cards without their answers', async () => {
      const me = student();
      const recall = (await vocab.request('GET', `/topics/${kitchen}/session?mode=recall&size=8`, me)).body;
      expect(recall).toMatchObject({ topicId: kitchen, mode: 'recall', lang: 'en', due: 0, new: 8 });
      const text = JSON.stringify(recall);
      for (const lemma of ['tafel', 'mes', 'kosten', 'eten', 'koken', 'opbellen', 'drinken', 'lekker']) expect(text).not.toContain(lemma);
      expect(recall.cards[0]).toEqual({ wordId: word.tafel, mode: 'recall', box: 0, pos: 'noun', prompt: { translation: 'table' } });

      const verbs = (await vocab.request('GET', `/topics/${kitchen}/session?mode=verb-forms`, me)).body;
      expect(verbs.cards).toEqual([
        { wordId: word.eten, mode: 'verb-forms', box: 0, pos: 'verb', prompt: { infinitive: 'eten', translation: 'to eat' } },
        { wordId: word.drinken, mode: 'verb-forms', box: 0, pos: 'verb', prompt: { infinitive: 'drinken', translation: 'to drink' } },
      ]);
      const articles = (await vocab.request('GET', `/topics/${kitchen}/session?mode=article&lang=ru`, me)).body;
      expect(articles.cards.map((entry: { wordId: string }) => entry.wordId)).toEqual([word.tafel, word.mes]);
      expect(articles.cards[0].prompt).toEqual({ lemma: 'tafel', translation: 'стол', options: ['de', 'het'] });
    });

    it('offers four shuffled options in the student’s language, one of them right', async () => {
      const me = student();
      const positions = new Set<number>();
      for (let round = 0; round < 12; round++) {
        const session = (await vocab.request('GET', `/topics/${kitchen}/session?mode=recognition&size=1&lang=ru`, me)).body;
        const [first] = session.cards;
        expect(first).toMatchObject({ wordId: word.tafel, mode: 'recognition', prompt: { lemma: 'tafel', article: 'de' } });
        expect(first.prompt.options).toHaveLength(4);
        expect(new Set(first.prompt.options).size).toBe(4);
        expect(first.prompt.options.every((option: string) => /^[\p{Script=Cyrillic}\s(),]+$/u.test(option))).toBe(true);
        positions.add(first.prompt.options.indexOf('стол'));
      }
      expect(positions.has(-1)).toBe(false);
      // Twelve draws that always put the right option in one place would be a tell.
      expect(positions.size).toBeGreaterThan(1);
      // A language the dictionary lacks falls back to English.
      const fallback = (await vocab.request('GET', `/topics/${kitchen}/session?mode=recognition&size=1&lang=tr`, me)).body.cards[0];
      expect(fallback.prompt.options).toContain('table');
    });

    it('puts due words first, lowest box first, then new ones; words not due wait', async () => {
      const me = student();
      await review(me, word.tafel, 'recall', 'tafel'); // box 2, due tomorrow
      await review(me, word.mes, 'recall', 'mez'); // box 1, due now
      vocab.clock.advanceDays(1);
      await review(me, word.tafel, 'recall', 'tafel'); // box 3, due in 3 days
      await review(me, word.kosten, 'recall', 'kosten'); // box 2
      vocab.clock.advanceDays(1);
      const session = (await vocab.request('GET', `/topics/${kitchen}/session?size=4`, me)).body;
      expect(session.cards.map((entry: { wordId: string }) => entry.wordId)).toEqual([word.mes, word.kosten, word.eten, word.koken]);
      expect(session).toMatchObject({ mode: 'mixed', due: 2, new: 2 });
      // Mixed: box 1 and new words are recognised, box 2 is recalled.
      expect(session.cards.map((entry: { mode: string }) => entry.mode)).toEqual(['recognition', 'recall', 'recognition', 'recognition']);
      expect(session.cards.map((entry: { box: number }) => entry.box)).toEqual([1, 2, 0, 0]);
    });

    it('refuses bad parameters and other roles', async () => {
      const me = student();
      expect((await vocab.request('GET', `/topics/${kitchen}/session?size=51`, me)).status).toBe(400);
      expect((await vocab.request('GET', `/topics/${kitchen}/session?mode=spelling`, me)).status).toBe(400);
      expect((await vocab.request('GET', `/topics/${kitchen}/session?extra=1`, me)).status).toBe(400);
      expect(await vocab.request('GET', '/topics/t_unknown/session', me)).toMatchObject({ status: 404, body: { code: 'TOPIC_NOT_FOUND' } });
      expect((await vocab.request('GET', `/topics/${kitchen}/session`, teacher)).status).toBe(403);
    });
  });

  describe('answers, checked on the server', () => {
    it.each([
      ['tafel', true],
      ['TAFEL', true],
      ['  tafel ', true],
      ['de tafel', true],
      ['De Tafel', true],
      ['het tafel', false],
      ['tafle', false],
      ['tafels', false],
    ])('recall "%s" is %s', async (answer, correct) => {
      const result = await review(student(), word.tafel, 'recall', answer);
      expect(result).toMatchObject({ status: 200, body: { correct, expected: 'de tafel', box: correct ? 2 : 1, duplicate: false } });
    });

    it('checks recognition, de/het and verb forms', async () => {
      const me = student();
      expect((await review(me, word.mes, 'recognition', 'нож', {}, '?lang=ru')).body).toMatchObject({ correct: true, expected: 'нож' });
      expect((await review(me, word.koken, 'recognition', 'to eat')).body).toMatchObject({ correct: false, expected: 'to cook' });
      expect((await review(me, word.tafel, 'article', 'het')).body).toMatchObject({ correct: false, expected: 'de' });
      expect((await review(me, word.pen, 'article', ' De ')).body).toMatchObject({ correct: true, expected: 'de' });
      const forms = { pastSingular: 'at', pastPlural: 'aten', participle: 'gegeten' };
      expect((await review(me, word.eten, 'verb-forms', forms)).body).toMatchObject({ correct: true, expected: forms });
      expect((await review(me, word.drinken, 'verb-forms', { pastSingular: 'dronk', pastPlural: 'dronken', participle: 'gedronkt' })).body).toMatchObject({
        correct: false,
        expected: { pastSingular: 'dronk', pastPlural: 'dronken', participle: 'gedronken' },
      });
      expect((await review(me, word.vragen, 'verb-forms', { pastSingular: 'vraagde', pastPlural: 'vroegen', participle: 'Gevraagd' })).body.correct).toBe(true);
      expect((await review(me, word.opbellen, 'recall', 'opbellen')).body.correct).toBe(true);
    });

    it('refuses reviews it cannot apply, with the reason', async () => {
      const me = student();
      expect(await review(me, 'w_unknown', 'recall', 'x')).toMatchObject({ status: 404, body: { code: 'WORD_NOT_FOUND' } });
      expect(await review(me, word.eten, 'article', 'de')).toMatchObject({
        status: 422,
        body: { code: 'MODE_NOT_APPLICABLE', details: { applicableModes: ['recognition', 'recall', 'verb-forms'] } },
      });
      expect((await review(me, word.koken, 'verb-forms', { pastSingular: 'kookte', pastPlural: 'kookten', participle: 'gekookt' })).status).toBe(422);
      expect((await review(me, word.kosten, 'article', 'de')).status).toBe(422);
      expect(await review(me, word.tafel, 'recall', { pastSingular: 'a', pastPlural: 'b', participle: 'c' })).toMatchObject({ status: 422, body: { code: 'INVALID_ANSWER' } });
      const future = new Date(vocab.clock.now.getTime() + 6 * 60_000).toISOString();
      expect(await review(me, word.tafel, 'recall', 'tafel', { answeredAt: future })).toMatchObject({
        status: 422,
        body: { code: 'ANSWERED_AT_IN_FUTURE', details: { maxSkewMs: 300_000 } },
      });
      const slightlyAhead = new Date(vocab.clock.now.getTime() + 4 * 60_000).toISOString();
      expect((await review(me, word.tafel, 'recall', 'tafel', { answeredAt: slightlyAhead })).status).toBe(200);
      expect(await review(me, word.tafel, 'recall', 'tafel', { extra: true })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      expect((await review(me, word.tafel, 'spelling', 'tafel')).status).toBe(400);
      expect((await review(me, word.tafel, 'recall', 'tafel', { reviewId: 'not-a-uuid' })).status).toBe(400);
      expect((await review(teacher, word.tafel, 'recall', 'tafel')).status).toBe(403);
      // Nothing refused reached the card: one review (the one slightly ahead).
      expect(await card(me, word.tafel)).toMatchObject({ reviews: 1 });
      expect(await card(me, word.eten)).toBeNull();
    });
  });

  describe('the Leitner boxes', () => {
    it('moves a word up on right answers when due, back to box 1 on a wrong one, and not up before it is due', async () => {
      const me = student();
      const boxes: number[] = [];
      const step = async (answer: string) => boxes.push((await review(me, word.lekker, 'recall', answer)).body.box);
      await step('lekker'); // new → 2
      await step('lekker'); // same day, not due → stays 2
      vocab.clock.advanceDays(1);
      await step('lekker'); // → 3
      vocab.clock.advanceDays(3);
      await step('lekker'); // → 4
      await step('lekkr'); // wrong → 1
      await step('lekker'); // box 1 is due at once → 2
      expect(boxes).toEqual([2, 2, 3, 4, 1, 2]);
      await waitForEvents(() => vocab.events.of(ThematicCardReviewed.type, me.userId).length === 6);
      const events = vocab.events.of(ThematicCardReviewed.type, me.userId).map((event) => event.payload as { fromBox: number; toBox: number; correct: boolean });
      expect(events.map((event) => [event.fromBox, event.toBox])).toEqual([[0, 2], [2, 2], [2, 3], [3, 4], [4, 1], [1, 2]]);
      expect(events.map((event) => event.correct)).toEqual([true, true, true, true, false, true]);
    });

    it("reads the topic's cards again only for an answer that can change its counts", async () => {
      const me = student();
      const summaries = jest.spyOn(MongoThematicStore.prototype, 'cardSummaries');
      try {
        await review(me, word.mes, 'recall', 'het mes'); // a first answer: one more word seen
        const afterFirst = summaries.mock.calls.length;
        expect(afterFirst).toBeGreaterThan(0);
        await review(me, word.mes, 'recall', 'het mes'); // not due yet: stays in its box
        await review(me, word.mes, 'recall', 'het mess'); // wrong: back to box 1, not mastered before or after
        expect(summaries.mock.calls.length).toBe(afterFirst);
        expect(await topicStats(me, kitchen)).toMatchObject({ seen: 1, learning: 1, mastered: 0 });
      } finally {
        summaries.mockRestore();
      }
    });

    it('masters a topic when enough of its words sit in the top boxes, once per crossing', async () => {
      const me = student();
      const answerAll = async () => {
        for (const wordId of [word.boek, word.pen, word.lezen, word.vragen]) {
          const { mode, answer } = RIGHT[wordId];
          expect((await review(me, wordId, mode, answer)).body.correct).toBe(true);
        }
      };
      // New → 2 → 3 → 4 → 5 → 6, each on the day it falls due (intervals 1, 3, 7, 14 days).
      for (const wait of [0, 1, 3, 7, 14]) {
        vocab.clock.advanceDays(wait);
        await answerAll();
      }
      expect(await topicStats(me, school)).toMatchObject({ seen: 4, learning: 0, mastered: 4, mastery: 1, topicMastered: true });
      await waitForEvents(() => vocab.events.of(ThematicTopicMastered.type, me.userId).length === 1);
      expect(vocab.events.of(ThematicTopicMastered.type, me.userId)[0].payload).toEqual({ userId: me.userId, topicId: school, topicSlug: 'school', level: 'A2', at: expect.any(String) });

      // A wrong answer takes the topic below 90 %; winning it back masters it again.
      expect((await review(me, word.pen, 'article', 'het')).body.box).toBe(1);
      expect(await topicStats(me, school)).toMatchObject({ mastered: 3, learning: 1, topicMastered: false });
      for (const wait of [0, 1, 3, 7, 14]) {
        vocab.clock.advanceDays(wait);
        const { mode, answer } = RIGHT[word.pen];
        await review(me, word.pen, mode, answer);
      }
      expect(await topicStats(me, school)).toMatchObject({ mastered: 4, topicMastered: true });
      await waitForEvents(() => vocab.events.of(ThematicTopicMastered.type, me.userId).length === 2);
      const progressed = vocab.events.of(ThematicTopicProgressed.type, me.userId).map((event) => event.payload as { mastered: number; seen: number; mastery: number });
      expect(progressed.at(-1)).toMatchObject({ seen: 4, mastered: 4, mastery: 1, wordCount: 4 });
    });
  });

  describe('statistics', () => {
    it('counts seen, learning, mastered, due today, accuracy and the streak in Amsterdam days', async () => {
      const me = student();
      vocab.clock.now = new Date('2026-05-04T21:30:00Z'); // Monday 23:30 in Amsterdam
      await review(me, word.tafel, 'recall', 'tafel');
      await review(me, word.mes, 'recall', 'mess');
      vocab.clock.now = new Date('2026-05-04T22:30:00Z'); // Tuesday 00:30 in Amsterdam: a new day
      await review(me, word.kosten, 'recall', 'de kosten');
      vocab.clock.now = new Date('2026-05-05T12:00:00Z');
      const kitchenStats = await topicStats(me, kitchen);
      expect(kitchenStats).toMatchObject({ wordCount: 8, seen: 3, learning: 3, mastered: 0, reviews: 3, correctReviews: 2, streak: 2, topicMastered: false });
      expect(kitchenStats.accuracy).toBeCloseTo(2 / 3);
      // tafel is due from Tuesday 00:00 and mes at once: both due today; kosten tomorrow.
      expect(kitchenStats.dueToday).toBe(2);
      const overall = (await stats(me)).overall;
      expect(overall).toMatchObject({ wordCount: 12, seen: 3, topics: 2, topicsStarted: 1, topicsMastered: 0, streak: 2 });
      vocab.clock.now = new Date('2026-05-06T12:00:00Z');
      expect((await stats(me)).overall.streak).toBe(2); // Wednesday, nothing yet: yesterday's streak still stands
      vocab.clock.now = new Date('2026-05-07T12:00:00Z');
      expect((await stats(me)).overall.streak).toBe(0);
      expect((await vocab.request('GET', '/thematic/stats', teacher)).status).toBe(403);
    });
  });

  describe('idempotency and concurrency', () => {
    it('applies a review id once; a repeat answers the same result with duplicate: true', async () => {
      const me = student();
      const body = { reviewId: randomUUID(), wordId: word.drinken, mode: 'recall', answer: 'drinken', answeredAt: vocab.clock.now.toISOString(), durationMs: 900 };
      const first = await vocab.request('POST', '/thematic/reviews', me, body);
      const again = await vocab.request('POST', '/thematic/reviews', me, body);
      expect(first.body).toMatchObject({ correct: true, box: 2, duplicate: false });
      expect(again).toEqual({ status: 200, body: { ...first.body, duplicate: true } });
      // Even with another answer: the id was used.
      expect((await vocab.request('POST', '/thematic/reviews', me, { ...body, answer: 'wrong' })).body).toMatchObject({ correct: true, duplicate: true });
      expect(await card(me, word.drinken)).toMatchObject({ reviews: 1, box: 2 });
      await waitForEvents(() => vocab.events.of(ThematicCardReviewed.type, me.userId).length >= 1);
      expect(vocab.events.of(ThematicCardReviewed.type, me.userId)).toHaveLength(1);
    });

    it('applies a review sent several times at once exactly once', async () => {
      const me = student();
      const body = { reviewId: randomUUID(), wordId: word.koken, mode: 'recall', answer: 'koken', answeredAt: vocab.clock.now.toISOString(), durationMs: 900 };
      const answers = await Promise.all(Array.from({ length: 6 }, () => vocab.request('POST', '/thematic/reviews', me, body)));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(answers.filter((answer) => !answer.body.duplicate)).toHaveLength(1);
      expect(await card(me, word.koken)).toMatchObject({ reviews: 1 });
    });

    it('completes a review whose request died after claiming it, when the review is sent again', async () => {
      const me = student();
      const reviewId = randomUUID();
      const answeredAt = vocab.clock.now;
      await vocab.db.collection(THEMATIC_REVIEWS).insertOne({
        _id: `${me.userId}:${reviewId}` as never,
        userId: me.userId,
        reviewId,
        wordId: word.tafel,
        topicId: kitchen,
        mode: 'recall',
        answeredAt,
        durationMs: 700,
        day: '2026-03-02',
        correct: true,
        expected: 'de tafel',
        status: 'pending',
        claimedAt: new Date(answeredAt.getTime() - 120_000),
      });
      const again = await vocab.request('POST', '/thematic/reviews', me, { reviewId, wordId: word.tafel, mode: 'recall', answer: 'tafel', answeredAt: answeredAt.toISOString(), durationMs: 700 });
      expect(again.body).toMatchObject({ correct: true, box: 2, duplicate: true });
      expect(await card(me, word.tafel)).toMatchObject({ reviews: 1, box: 2 });
      expect(await vocab.db.collection(THEMATIC_REVIEWS).findOne({ _id: `${me.userId}:${reviewId}` as never })).toMatchObject({ status: 'applied', box: 2 });
    });

    it('lets the recovery job finish a review whose card was written before the crash, without applying it twice', async () => {
      const me = student();
      const applied = await review(me, word.mes, 'recall', 'mes');
      expect(applied.body.box).toBe(2);
      // The request died after the card write, before the claim was marked applied.
      await vocab.db
        .collection(THEMATIC_REVIEWS)
        .updateOne({ userId: me.userId }, { $set: { status: 'pending', claimedAt: new Date(vocab.clock.now.getTime() - 120_000) }, $unset: { box: '', fromBox: '', dueAt: '' } });
      expect(await vocab.app.get(CommandBus).execute(new RecoverThematicReviewsCommand())).toBeGreaterThanOrEqual(1);
      expect(await vocab.db.collection(THEMATIC_REVIEWS).findOne({ userId: me.userId })).toMatchObject({ status: 'applied', box: 2, fromBox: 0 });
      expect(await card(me, word.mes)).toMatchObject({ reviews: 1, box: 2 });
    });

    it('loses no review when two devices answer the same word at once', async () => {
      const me = student();
      const answers = await Promise.all(
        Array.from({ length: 5 }, (_, index) =>
          review(me, word.opbellen, 'recall', index % 2 === 0 ? 'opbellen' : 'opbelen', { answeredAt: new Date(vocab.clock.now.getTime() + index).toISOString() }),
        ),
      );
      expect(answers.every((answer) => answer.status === 200 && !answer.body.duplicate)).toBe(true);
      expect(await card(me, word.opbellen)).toMatchObject({ reviews: 5, correctReviews: 3 });
      expect(await topicStats(me, kitchen)).toMatchObject({ seen: 1, reviews: 5 });
    });
  });
});

async function waitForEvents(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the expected events did not arrive');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

