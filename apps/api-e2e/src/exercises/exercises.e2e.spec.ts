import { waitFor } from '@tall/platform/testing';
import { ExerciseTopics } from '@tall/exercises/contracts';
import { IdentityApi, newEmail, type Answer, type SignedIn } from '../identity/support/identity-api';
import { probeTopic } from '../support/kafka-probe';
import { isolatedStores, startTall, type TallProcess } from '../support/tall-process';

/**
 * Exercises, black-box against the built API: the school's exercises listed, shown without their
 * answers and graded on the server; a weekly set made from the learning cards a student added
 * (a word saved while reading, with its sentence); who may do what (roles, another student's
 * weekly exercise); bad input never a 500; the GDPR export and erasure.
 */
const ADMIN_EMAIL = newEmail('root');
const ADMIN_PASSWORD = 'the first admin passphrase';

interface Summary {
  id: string;
  title: string;
  type: 'order' | 'match' | 'buckets' | 'cloze';
  level: string;
  itemCount: number;
  lastScore: { score: number; maxScore: number } | null;
}
interface Shown extends Summary {
  source: string;
  items: Array<{ id: string; tokens?: string[]; text?: string; parts?: string[] }>;
  options?: string[];
  buckets?: Array<{ id: string }>;
  wordBank?: string[] | null;
}
interface Graded {
  score: number;
  maxScore: number;
  results: Array<{ itemId: string; correct: boolean; expected: string | string[] }>;
}

/** Answers of the right shape for every item, right or not: the first option, the first bucket, the tokens as shown, a word per blank. */
function someAnswers(exercise: Shown): Array<{ itemId: string; answer: string | string[] }> {
  return exercise.items.map((item) => {
    switch (exercise.type) {
      case 'order':
        return { itemId: item.id, answer: item.tokens ?? [] };
      case 'match':
        return { itemId: item.id, answer: exercise.options?.[0] ?? '' };
      case 'buckets':
        return { itemId: item.id, answer: exercise.buckets?.[0].id ?? '' };
      case 'cloze':
        return { itemId: item.id, answer: (item.parts ?? []).slice(1).map(() => 'iets') };
    }
  });
}

/** The expected answers of a graded attempt, as answers: for an order item the sentence's words. */
function expectedAnswers(exercise: Shown, graded: Graded): Array<{ itemId: string; answer: string | string[] }> {
  return graded.results.map((result) => ({
    itemId: result.itemId,
    answer: exercise.type === 'order' ? (result.expected as string).replace(/[.!?…]+$/, '').trim().split(/\s+/) : result.expected,
  }));
}

describe('exercises, black-box', () => {
  let stores: Awaited<ReturnType<typeof isolatedStores>>;
  let tall: TallProcess;
  let api: IdentityApi;
  let admin: SignedIn;
  let student: SignedIn;
  let other: SignedIn;
  let teacher: SignedIn;

  const as = (user: SignedIn | undefined) => (method: string, path: string, body?: unknown) => api.call(method, `/exercises${path}`, { token: user?.accessToken, body });

  beforeAll(async () => {
    stores = await isolatedStores('exercises');
    tall = await startTall({ DATABASE_URL: stores.DATABASE_URL, MONGODB_URI: stores.MONGODB_URI, CRON_ENABLED: 'false', ADMIN_EMAIL, ADMIN_PASSWORD });
    api = new IdentityApi(tall.url);
    await waitFor(async () => (await fetch(`${tall.url}/health/ready`)).ok, { timeoutMs: 60_000, what: 'Tall to be ready' });
    admin = await api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    student = await api.newUser(admin.accessToken, 'STUDENT', 'exercises');
    other = await api.newUser(admin.accessToken, 'STUDENT', 'other-exercises');
    teacher = await api.newUser(admin.accessToken, 'TEACHER', 'exercises-teacher');
  });

  afterAll(async () => {
    await tall?.stop();
    await stores?.drop();
  });

  it('lists the seed exercises with filters, shows one without its answers and grades attempts on the server', async () => {
    const results = await probeTopic(ExerciseTopics.results);
    try {
      const all = await as(student)('GET', '?pageSize=100');
      expect(all.status).toBe(200);
      expect(all.body.total).toBeGreaterThanOrEqual(24);
      const types = new Set((all.body.items as Summary[]).map((item) => `${item.level} ${item.type}`));
      for (const level of ['A1', 'A2', 'B1']) for (const type of ['order', 'match', 'buckets', 'cloze']) expect(types).toContain(`${level} ${type}`);
      const clozeA1 = await as(student)('GET', '?type=cloze&level=A1');
      expect(clozeA1.body.items.length).toBeGreaterThan(0);
      expect(clozeA1.body.items.every((item: Summary) => item.type === 'cloze' && item.level === 'A1')).toBe(true);
      expect((await as(student)('GET', '?pageSize=5&page=2')).body).toMatchObject({ page: 2, pageSize: 5, items: expect.any(Array) });

      for (const type of ['order', 'match', 'buckets', 'cloze'] as const) {
        const summary = (all.body.items as Summary[]).find((item) => item.type === type) as Summary;
        const shown = await as(student)('GET', `/${summary.id}`);
        expect(shown.status).toBe(200);
        expect(shown.body).toMatchObject({ id: summary.id, type, source: 'authored', itemCount: summary.itemCount, lastScore: null });
        expect(JSON.stringify(shown.body)).not.toMatch(/"(answer|accepted|bucket|right|sentence|blanks)"/);

        const first = await as(student)('POST', `/${summary.id}/attempts`, { answers: someAnswers(shown.body) });
        expect({ type, status: first.status }).toEqual({ type, status: 201 });
        expect(first.body.maxScore).toBe(summary.itemCount);
        expect(first.body.results).toHaveLength(summary.itemCount);
        expect(first.body.score).toBe(first.body.results.filter((result: { correct: boolean }) => result.correct).length);
        // With the expected answers the second attempt scores full marks.
        const perfect = await as(student)('POST', `/${summary.id}/attempts`, { answers: expectedAnswers(shown.body, first.body) });
        expect({ type, ...perfect.body, results: undefined, id: undefined, at: undefined }).toMatchObject({ type, score: summary.itemCount, maxScore: summary.itemCount });
        expect((await as(student)('GET', `/${summary.id}`)).body.lastScore).toMatchObject({ score: summary.itemCount, maxScore: summary.itemCount });
      }
      const listed = (await as(student)('GET', '?pageSize=100')).body.items as Summary[];
      expect(listed.filter((item) => item.lastScore !== null)).toHaveLength(4);
      expect((await as(other)('GET', '?pageSize=100')).body.items.every((item: Summary) => item.lastScore === null)).toBe(true);

      // Every attempt goes out as exercise.completed, keyed by the student, without any answer.
      await waitFor(() => results.messages.filter((message) => message.key === student.id).length >= 8, { timeoutMs: 20_000, what: 'eight exercise.completed on Kafka' });
      const mine = results.messages.filter((message) => message.key === student.id);
      expect(mine.every((message) => message.value['type'] === 'exercise.completed')).toBe(true);
      expect(mine[0].value['payload']).toEqual({
        userId: student.id,
        attemptId: expect.any(String),
        exerciseId: expect.any(String),
        type: expect.any(String),
        level: expect.any(String),
        source: 'authored',
        score: expect.any(Number),
        maxScore: expect.any(Number),
        at: expect.any(String),
      });
    } finally {
      await results.close();
    }
  });

  it('makes the weekly set from the learning cards the student added this week, once, with the sentence of a word saved while reading', async () => {
    const results = await probeTopic(ExerciseTopics.results);
    try {
      const text = (await api.call('GET', '/reader/texts?source=library&pageSize=1', { token: student.accessToken })).body.items[0].id as string;
      const saved: Array<[string, string]> = [
        ['kaas', 'Ik eet graag kaas op mijn brood.'],
        ['markt', 'Op zaterdag ga ik naar de markt.'],
        ['fiets', 'Mijn fiets staat voor het huis.'],
      ];
      for (const [lemma, sentence] of saved) {
        expect((await api.call('POST', `/reader/texts/${text}/saved-words`, { token: student.accessToken, body: { lemma, sentence } })).status).toBe(201);
      }
      for (const word of [
        { lemma: 'appel', translation: 'apple', article: 'de' },
        { lemma: 'raam', translation: 'window', article: 'het' },
        { lemma: 'brood', translation: 'bread', article: 'het' },
      ]) {
        expect((await api.call('POST', '/vocabulary/my-words', { token: student.accessToken, body: word })).status).toBe(201);
      }
      // The saved words become learning cards through reader.word.saved.
      await waitFor(async () => (await api.call('GET', '/vocabulary/my-words?pageSize=100', { token: student.accessToken })).body.total === 6, {
        timeoutMs: 30_000,
        what: 'the six words among the learning cards',
      });

      const weekly = await as(student)('GET', '/weekly');
      expect(weekly.status).toBe(200);
      expect(weekly.body).toMatchObject({ week: expect.stringMatching(/^\d{4}-W\d{2}$/), weekStart: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), basis: 'week' });
      const items = weekly.body.items as Shown[];
      expect(items.map((item) => item.type)).toEqual(['buckets', 'match', 'cloze', 'order']);
      expect(items.every((item) => item.source === 'weekly' && item.id.startsWith('wk-'))).toBe(true);
      const buckets = items[0];
      expect(buckets.items.map((item) => item.text)).toEqual(expect.arrayContaining(['appel', 'raam', 'brood']));
      // The reader's sentence, cut at its word: the word itself is not shown.
      const cloze = items[2];
      expect(cloze.items.map((item) => item.parts)).toContainEqual(['Op zaterdag ga ik naar de ', '.']);
      expect(JSON.stringify(items)).not.toContain('Op zaterdag ga ik naar de markt');

      // Made once: the same set again, even after another card.
      expect((await api.call('POST', '/vocabulary/my-words', { token: student.accessToken, body: { lemma: 'stoel', translation: 'chair', article: 'de' } })).status).toBe(201);
      expect((await as(student)('GET', '/weekly')).body).toEqual(weekly.body);

      // A weekly exercise opens and is graded like any other, and its result carries its week.
      expect((await as(student)('GET', `/${cloze.id}`)).body).toEqual(cloze);
      const graded = await as(student)('POST', `/${cloze.id}/attempts`, { answers: someAnswers(cloze) });
      expect(graded.status).toBe(201);
      expect(graded.body.results.map((result: { expected: string[] }) => result.expected)).toContainEqual(['markt']);
      const perfect = await as(student)('POST', `/${cloze.id}/attempts`, { answers: expectedAnswers(cloze, graded.body) });
      expect(perfect.body).toMatchObject({ score: cloze.itemCount, maxScore: cloze.itemCount });
      expect((await as(student)('GET', '/weekly')).body.items[2].lastScore).toMatchObject({ score: cloze.itemCount });
      await waitFor(() => results.messages.some((message) => (message.value['payload'] as { exerciseId?: string }).exerciseId === cloze.id), {
        timeoutMs: 20_000,
        what: 'the weekly exercise’s exercise.completed on Kafka',
      });
      const event = results.messages.find((message) => (message.value['payload'] as { exerciseId?: string }).exerciseId === cloze.id);
      expect(event?.value['payload']).toMatchObject({ source: 'weekly', weekStart: weekly.body.weekStart, type: 'cloze' });
      expect(JSON.stringify(results.messages.map((message) => message.value))).not.toMatch(/zaterdag|markt/);

      // Another student's weekly exercise is not found, as an unknown one; their own set is theirs.
      for (const [method, path, body] of [
        ['GET', `/${cloze.id}`],
        ['POST', `/${cloze.id}/attempts`, { answers: [] }],
      ] as Array<[string, string, unknown?]>) {
        expect({ method, ...pick(await as(other)(method, path, body)) }).toEqual({ method, status: 404, code: 'EXERCISE_NOT_FOUND' });
      }
      const theirs = await as(other)('GET', '/weekly');
      expect(theirs.body.basis).toBe('dictionary');
      expect(theirs.body.items.map((item: Shown) => item.id)).not.toContain(cloze.id);
    } finally {
      await results.close();
    }
  });

  it('lets students only', async () => {
    const id = (await as(student)('GET', '?pageSize=1')).body.items[0].id as string;
    const routes: Array<[string, string, unknown?]> = [
      ['GET', ''],
      ['GET', '/weekly'],
      ['GET', `/${id}`],
      ['POST', `/${id}/attempts`, { answers: [] }],
    ];
    for (const [method, path, body] of routes) {
      expect({ path, status: (await as(undefined)(method, path, body)).status }).toEqual({ path, status: 401 });
      for (const user of [teacher, admin]) expect({ path, role: user.role, status: (await as(user)(method, path, body)).status }).toEqual({ path, role: user.role, status: 403 });
    }
  });

  it('answers bad input with a clear 4xx, never a 500, and keeps nothing of it', async () => {
    const all = (await as(other)('GET', '?pageSize=100')).body.items as Summary[];
    const buckets = all.find((item) => item.type === 'buckets') as Summary;
    const order = all.find((item) => item.type === 'order') as Summary;
    const cases: Array<[string, string, unknown, number, string?]> = [
      ['GET', '?level=Z9', undefined, 400],
      ['GET', '?type=crossword', undefined, 400],
      ['GET', '?pageSize=0', undefined, 400],
      ['GET', '?colour=red', undefined, 400],
      ['GET', '/Not-An-Id', undefined, 404, 'EXERCISE_NOT_FOUND'],
      ['GET', `/${'x'.repeat(65)}`, undefined, 400],
      ['GET', '/no-such-exercise', undefined, 404, 'EXERCISE_NOT_FOUND'],
      ['GET', '/wk-2026-w11-1-0123456789', undefined, 404, 'EXERCISE_NOT_FOUND'],
      ['POST', `/${buckets.id}/attempts`, {}, 400],
      ['POST', `/${buckets.id}/attempts`, { answers: 'de' }, 400],
      ['POST', `/${buckets.id}/attempts`, { answers: [], extra: true }, 400],
      ['POST', `/${buckets.id}/attempts`, { answers: [{ itemId: 'q1', answer: 'de' }] }, 422, 'INVALID_ANSWER'],
      ['POST', `/${buckets.id}/attempts`, { answers: [{ itemId: 'i1234567890', answer: 'de' }] }, 400],
      ['POST', `/${buckets.id}/attempts`, { answers: [{ itemId: 'i1', answer: 7 }] }, 400],
      ['POST', `/${buckets.id}/attempts`, { answers: [{ itemId: 'i1', answer: ['de'] }] }, 422, 'ANSWER_SHAPE_MISMATCH'],
      ['POST', `/${order.id}/attempts`, { answers: [{ itemId: 'i1', answer: 'een hele zin' }] }, 422, 'ANSWER_SHAPE_MISMATCH'],
      ['POST', `/${order.id}/attempts`, { answers: [{ itemId: 'i1', answer: ['niet', 'deze', 'woorden'] }] }, 422, 'INVALID_ANSWER'],
      ['POST', `/${buckets.id}/attempts`, { answers: [{ itemId: 'i1', answer: 'den' }] }, 422, 'INVALID_ANSWER'],
      ['POST', `/${buckets.id}/attempts`, { answers: [{ itemId: 'i40', answer: 'de' }] }, 422, 'INVALID_ANSWER'],
      [
        'POST',
        `/${buckets.id}/attempts`,
        {
          answers: [
            { itemId: 'i1', answer: 'de' },
            { itemId: 'i1', answer: 'het' },
          ],
        },
        422,
        'INVALID_ANSWER',
      ],
      ['POST', '/no-such-exercise/attempts', { answers: [] }, 404, 'EXERCISE_NOT_FOUND'],
    ];
    for (const [method, path, body, status, code] of cases) {
      const answer = await as(other)(method, path, body);
      expect({ method, path, status: answer.status, code: code ? answer.body?.code : typeof answer.body?.code }).toEqual({ method, path, status, code: code ?? 'string' });
    }
    // Nothing refused was kept: no score on any exercise.
    expect((await as(other)('GET', '?pageSize=100')).body.items.every((item: Summary) => item.lastScore === null)).toBe(true);
  });

  it('shows the attempts in the student’s progress record, and in their teacher’s table, CSV and page', async () => {
    const summary = (await as(other)('GET', '?type=match&level=A1&pageSize=1')).body.items[0] as Summary;
    const shown = (await as(other)('GET', `/${summary.id}`)).body as Shown;
    const first = (await as(other)('POST', `/${summary.id}/attempts`, { answers: someAnswers(shown) })).body as Graded;
    const perfect = (await as(other)('POST', `/${summary.id}/attempts`, { answers: expectedAnswers(shown, first) })).body as Graded;
    expect(perfect.score).toBe(perfect.maxScore);
    const average = ((first.score / first.maxScore) * 100 + 100) / 2;
    expect((await api.call('PUT', `/users/${teacher.id}/students/${other.id}`, { token: admin.accessToken })).status).toBe(204);
    // Through exercise.results.v1: the record comes a moment later.
    const own = await waitFor(
      async () => {
        const record = await api.call('GET', '/progress/me', { token: other.accessToken });
        return record.body?.exerciseAttempts?.attempts === 2 ? record.body : undefined;
      },
      { timeoutMs: 60_000, what: 'both attempts in the student’s progress record' },
    );
    expect(own.exerciseAttempts.exercisesDone).toBe(1);
    expect(own.exerciseAttempts.averageScore).toBeCloseTo(average, 10);
    expect(own.exerciseAttempts.recent).toEqual([
      expect.objectContaining({ exerciseId: summary.id, type: 'match', level: 'A1', source: 'authored', score: perfect.score, maxScore: perfect.maxScore }),
      expect.objectContaining({ exerciseId: summary.id, score: first.score, maxScore: first.maxScore }),
    ]);
    expect(own.exercises).toMatchObject({ completed: 1, attempts: 2, averageScore: 1 });
    expect(own.activity.daysActive).toBe(1);

    const row = await waitFor(
      async () => {
        const table = await api.call('GET', '/teacher/students', { token: teacher.accessToken });
        const found = table.body?.items?.find((item: { studentId: string; exercisesDone: number }) => item.studentId === other.id);
        return found?.exercisesDone === 1 ? found : undefined;
      },
      { timeoutMs: 60_000, what: 'the student in their teacher’s table' },
    );
    expect(row).toMatchObject({ exercisesDone: 1, videosWatched: 0, answerRate: null });
    expect(row.averageExerciseScore).toBeCloseTo(average, 10);
    const csv = await fetch(`${tall.url}/api/v1/teacher/students.csv`, { headers: { authorization: `Bearer ${teacher.accessToken}` } });
    const [header, ...lines] = (await csv.text()).split('\r\n');
    expect(header.endsWith('"videos_watched","answer_rate_percent","exercises_done","average_exercise_score_percent"')).toBe(true);
    expect(lines.find((line) => line.startsWith(`"${other.id}"`))?.endsWith(`"0","","1","${Number(average.toFixed(1))}"`)).toBe(true);
    const page = await api.call('GET', `/teacher/students/${other.id}/progress`, { token: teacher.accessToken });
    expect(page.body.exerciseAttempts).toEqual(own.exerciseAttempts);
  });

  it('exports the exercises data of a student and erases it with the account', async () => {
    const leaver = await api.newUser(admin.accessToken, 'STUDENT', 'exercises-leaver');
    const exercise = (await as(leaver)('GET', '?type=match&pageSize=1')).body.items[0] as Summary;
    const shown = (await as(leaver)('GET', `/${exercise.id}`)).body as Shown;
    const attempt = await as(leaver)('POST', `/${exercise.id}/attempts`, { answers: someAnswers(shown) });
    expect(attempt.status).toBe(201);
    // No words of their own: the set is made of dictionary words of their level.
    const weekly = await as(leaver)('GET', '/weekly');
    expect(weekly.body).toMatchObject({ basis: 'dictionary' });
    expect(weekly.body.items.length).toBeGreaterThan(0);

    const exported = await api.call('GET', '/pii/me/export', { token: leaver.accessToken });
    expect(exported.status).toBe(200);
    const section = (exported.body.sections as Array<{ context: string; data: Record<string, unknown[]> }>).find((candidate) => candidate.context === 'exercises');
    expect(section?.data['attempts']).toEqual([expect.objectContaining({ id: attempt.body.id, exerciseId: exercise.id, answers: someAnswers(shown), score: attempt.body.score })]);
    expect(section?.data['weeklySets']).toEqual([expect.objectContaining({ week: weekly.body.week, basis: 'dictionary' })]);

    expect((await api.call('DELETE', `/users/${leaver.id}`, { token: admin.accessToken })).status).toBe(204);
    const { MongoClient } = await import('mongodb');
    const client = await MongoClient.connect(stores.MONGODB_URI);
    try {
      const exercisesDb = client.db(`${client.db().databaseName}_exercises`);
      await waitFor(async () => (await exercisesDb.collection('exercise_students').countDocuments({ _id: leaver.id as never })) === 0, { timeoutMs: 30_000, what: 'the attempts to be erased' });
      await waitFor(async () => (await exercisesDb.collection('exercise_weekly_sets').countDocuments({ userId: leaver.id })) === 0, { timeoutMs: 30_000, what: 'the weekly sets to be erased' });
      // Other students' data stays.
      expect(await exercisesDb.collection('exercise_students').countDocuments({ _id: student.id as never })).toBe(1);
    } finally {
      await client.close();
    }
  });
});

function pick(answer: Answer): { status: number; code?: string } {
  return { status: answer.status, code: answer.body?.code };
}
