import { randomUUID } from 'node:crypto';
import { epubFixture, waitFor } from '@tall/platform/testing';
import { ReaderTopics } from '@tall/reader/contracts';
import { IdentityApi, newEmail, type Answer, type SignedIn } from '../identity/support/identity-api';
import { probeTopic } from '../support/kafka-probe';
import { isolatedStores, startTall, type TallProcess } from '../support/tall-process';

/**
 * The reader, black-box against the built API: an EPUB imported, read, its words tapped and one
 * saved, which then waits among today's learning cards; "% known" rising; a test graded on the
 * server; who may do what (roles and other students' texts); bad input never a 500; the GDPR
 * export and erasure.
 */
const ADMIN_EMAIL = newEmail('root');
const ADMIN_PASSWORD = 'the first admin passphrase';

interface Token {
  text: string;
  kind: string;
  lemma?: string;
  wordId?: string;
  userWordId?: string;
  state?: string;
}
interface Paragraph {
  heading?: boolean;
  sentences: Array<{ tokens: Token[] }>;
}

const wordsOf = (paragraphs: Paragraph[]) => paragraphs.flatMap((paragraph) => paragraph.sentences.flatMap((sentence) => sentence.tokens)).filter((token) => token.kind === 'word');
const sentenceText = (paragraphs: Paragraph[], paragraph: number, sentence: number) =>
  paragraphs[paragraph].sentences[sentence].tokens
    .map((token) => token.text)
    .join('')
    .trim();

describe('reader, black-box', () => {
  let stores: Awaited<ReturnType<typeof isolatedStores>>;
  let tall: TallProcess;
  let api: IdentityApi;
  let admin: SignedIn;
  let student: SignedIn;
  let other: SignedIn;
  let teacher: SignedIn;

  const as = (user: SignedIn | undefined) => (method: string, path: string, body?: unknown) => api.call(method, `/reader${path}`, { token: user?.accessToken, body });
  const upload = async (user: SignedIn, file: { name: string; bytes: Buffer; type?: string }, title?: string): Promise<Answer> => {
    const form = new FormData();
    if (title) form.append('title', title);
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
    const response = await fetch(`${tall.url}/api/v1/reader/texts`, { method: 'POST', headers: { authorization: `Bearer ${user.accessToken}` }, body: form });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  };

  beforeAll(async () => {
    stores = await isolatedStores('reader');
    tall = await startTall({ DATABASE_URL: stores.DATABASE_URL, MONGODB_URI: stores.MONGODB_URI, CRON_ENABLED: 'false', ADMIN_EMAIL, ADMIN_PASSWORD });
    api = new IdentityApi(tall.url);
    await waitFor(async () => (await fetch(`${tall.url}/health/ready`)).ok, { timeoutMs: 60_000, what: 'Tall to be ready' });
    admin = await api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    student = await api.newUser(admin.accessToken, 'STUDENT', 'reader');
    other = await api.newUser(admin.accessToken, 'STUDENT', 'other-reader');
    teacher = await api.newUser(admin.accessToken, 'TEACHER', 'reader-teacher');
  });

  afterAll(async () => {
    await tall?.stop();
    await stores?.drop();
  });

  it('imports an EPUB, reads it, taps words, saves one, and finds it among today’s learning cards', async () => {
    const saved = await probeTopic(ReaderTopics.words);
    const reading = await probeTopic(ReaderTopics.events);
    try {
      const book = await epubFixture(
        [
          { file: 'h1.xhtml', html: '<html><body><h1>De markt</h1><p>Op zaterdag gaat Sanne naar de markt.</p><p>Ze koopt appels en een grote kaas. Ze belt haar moeder op.</p></body></html>' },
          { file: 'h2.xhtml', html: '<html><body><h1>Thuis</h1><p>Thuis eet Sanne een appel. De kaas is lekker.</p></body></html>' },
        ],
        { title: 'Sanne op de markt' },
      );
      const imported = await upload(student, { name: 'sanne.epub', bytes: book, type: 'application/epub+zip' });
      expect(imported.status).toBe(201);
      expect(imported.body).toMatchObject({ title: 'Sanne op de markt', source: 'own', level: null, hasTest: false, position: null, knownPercent: 0 });
      const id = imported.body.id as string;

      const text = await as(student)('GET', `/texts/${id}`);
      expect(text.status).toBe(200);
      const paragraphs = text.body.paragraphs as Paragraph[];
      // Two chapters, each a heading and its paragraphs.
      expect(paragraphs.map((paragraph) => paragraph.heading ?? false)).toEqual([true, false, false, true, false]);
      const words = wordsOf(paragraphs);
      expect(words.every((word) => word.state === 'new')).toBe(true);
      // The dictionary's words are recognised in their forms: a plural, a separable verb split over the sentence.
      const markt = words.find((word) => word.text === 'markt');
      expect(markt?.wordId).toBeDefined();
      expect(text.body.glosses[markt?.wordId as string]).toMatchObject({ lemma: 'markt', translation: expect.any(String) });
      expect(words.filter((word) => word.lemma === 'opbellen').map((word) => word.text)).toEqual(['belt', 'op']);
      expect(text.body.stats).toMatchObject({ tokens: words.length, known: 0, knownPercent: 0 });

      // Tap words: one known, one ignored; the percentage rises with each.
      expect((await as(student)('PUT', '/words/state', { wordId: markt?.wordId, state: 'known' })).body).toEqual({ key: markt?.wordId, state: 'known' });
      expect((await as(student)('PUT', '/words/state', { lemma: 'Sanne', state: 'ignored' })).status).toBe(200);
      const after = await as(student)('GET', `/texts/${id}`);
      const known = after.body.stats.known as number;
      expect(known).toBe(words.filter((word) => word.wordId === markt?.wordId || word.text === 'Sanne').length);
      expect(after.body.stats.knownPercent).toBeGreaterThan(0);
      expect(wordsOf(after.body.paragraphs).find((word) => word.text === 'Sanne')?.state).toBe('ignored');

      // Save a word with its sentence; saving it again changes nothing.
      const kaas = words.find((word) => word.text === 'kaas') as Token;
      const sentence = sentenceText(paragraphs, 2, 0);
      const save = await as(student)('POST', `/texts/${id}/saved-words`, { wordId: kaas.wordId, sentence });
      expect(save.status).toBe(201);
      expect(save.body).toMatchObject({ lemma: 'kaas', wordId: kaas.wordId, context: sentence, alreadySaved: false, article: 'de' });
      expect((await as(student)('POST', `/texts/${id}/saved-words`, { wordId: kaas.wordId, sentence })).body.alreadySaved).toBe(true);

      // The card appears among today's learning cards, and the word is then "learning" in the text.
      const today = await waitFor(
        async () => {
          const queue = await api.call('GET', '/vocabulary/my-words/today', { token: student.accessToken });
          return (queue.body.items as Array<{ userWordId: string; prompt: { front: string } }>).find((card) => card.prompt.front.includes('kaas'));
        },
        { timeoutMs: 30_000, what: 'the saved word among today’s learning cards' },
      );
      expect(today).toBeDefined();
      const myWords = await api.call('GET', '/vocabulary/my-words?q=kaas', { token: student.accessToken });
      expect(myWords.body.items).toEqual([expect.objectContaining({ lemma: 'kaas', source: 'reader', context: sentence })]);
      const learning = await waitFor(
        async () => wordsOf((await as(student)('GET', `/texts/${id}`)).body.paragraphs).find((word) => word.text === 'kaas' && word.userWordId),
        { timeoutMs: 40_000, what: 'the text to know the saved word as an own word' },
      );
      expect(learning?.state).toBe('learning');

      // The position is kept; reaching the last paragraph finishes the text once.
      expect((await as(student)('PUT', `/texts/${id}/position`, { paragraph: 2, sentence: 1, readingSeconds: 40 })).body).toMatchObject({ paragraph: 2, sentence: 1, readingSeconds: 40, finished: false });
      expect((await as(student)('PUT', `/texts/${id}/position`, { paragraph: 4, sentence: 0, readingSeconds: 25 })).body).toMatchObject({ readingSeconds: 65, finished: true });
      expect((await as(student)('PUT', `/texts/${id}/position`, { paragraph: 9, sentence: 0, readingSeconds: 1 })).status).toBe(422);
      const listed = await as(student)('GET', '/texts?source=own');
      expect(listed.body).toMatchObject({ total: 1, items: [{ id, position: { paragraph: 4, finished: true, readingSeconds: 65 } }] });

      await waitFor(() => saved.messages.some((message) => message.key === student.id), { timeoutMs: 20_000, what: 'reader.word.saved on Kafka' });
      await waitFor(() => ['text.opened', 'text.progressed', 'text.finished'].every((type) => reading.messages.some((message) => message.key === student.id && message.value['type'] === type)), {
        timeoutMs: 20_000,
        what: 'text.opened, text.progressed and text.finished on Kafka',
      });
      const finished = reading.messages.filter((message) => message.key === student.id && message.value['type'] === 'text.finished');
      expect(finished).toHaveLength(1);
      // Reading events name the text by id only: never its title or words.
      expect(JSON.stringify(reading.messages.map((message) => message.value['payload']))).not.toContain('Sanne');
    } finally {
      await saved.close();
      await reading.close();
    }
  });

  it('lists the seed library with filters, and grades a test on the server without sending its answers', async () => {
    const library = await as(student)('GET', '/texts?source=library&level=A1&pageSize=100');
    expect(library.status).toBe(200);
    expect(library.body.items.length).toBeGreaterThanOrEqual(8);
    expect(library.body.items.every((item: { level: string; source: string }) => item.level === 'A1' && item.source === 'library')).toBe(true);
    expect((await as(student)('GET', '/texts?source=test')).body.total).toBeGreaterThanOrEqual(4);
    const withTest = (await as(student)('GET', '/texts?pageSize=100')).body.items.find((item: { hasTest: boolean; source: string }) => item.hasTest && item.source === 'library');

    const test = await as(student)('GET', `/texts/${withTest.id}/test`);
    expect(test.status).toBe(200);
    expect(JSON.stringify(test.body)).not.toMatch(/"answers?"/);
    const questions = test.body.questions as Array<{ id: string; type: string; options?: string[]; items?: string[] }>;
    // Everything answered, none of it right by design: multiple choice and true/false both ways, then compare.
    const attempt = await as(student)('POST', `/texts/${withTest.id}/test/attempts`, {
      answers: questions.map((question) => ({
        questionId: question.id,
        answer: question.type === 'multipleChoice' ? 0 : question.type === 'trueFalse' ? true : question.type === 'order' ? question.items : 'iets',
      })),
    });
    expect(attempt.status).toBe(201);
    expect(attempt.body.maxScore).toBe(questions.length);
    expect(attempt.body.results).toHaveLength(questions.length);
    expect(attempt.body.score).toBe(attempt.body.results.filter((result: { correct: boolean }) => result.correct).length);
    // With the expected answers the second attempt scores full marks.
    const expected = new Map<string, unknown>(attempt.body.results.map((result: { questionId: string; expected: unknown }) => [result.questionId, result.expected]));
    const perfect = await as(student)('POST', `/texts/${withTest.id}/test/attempts`, {
      answers: questions.map((question) => ({
        questionId: question.id,
        answer: question.type === 'multipleChoice' ? question.options?.indexOf(expected.get(question.id) as string) : expected.get(question.id),
      })),
    });
    expect(perfect.body).toMatchObject({ score: questions.length, maxScore: questions.length });
    const again = await as(student)('GET', `/texts/${withTest.id}/test`);
    expect(again.body.attempts.map((summary: { score: number }) => summary.score)).toEqual([questions.length, attempt.body.score]);
    // The scores reach the student's progress record and their teacher's table and page (through reader.events.v1).
    expect((await api.call('PUT', `/users/${teacher.id}/students/${student.id}`, { token: admin.accessToken })).status).toBe(204);
    const own = await waitFor(
      async () => {
        const record = await api.call('GET', '/progress/me', { token: student.accessToken });
        return record.body?.readingTests?.taken === 2 ? record.body : undefined;
      },
      { timeoutMs: 60_000, what: 'both test attempts in the student’s progress record' },
    );
    expect(own.readingTests.recent.map((result: { score: number; textId: string; textTitle: string }) => [result.textId, result.textTitle, result.score])).toEqual([
      [withTest.id, withTest.title, questions.length],
      [withTest.id, withTest.title, attempt.body.score],
    ]);
    expect(own.readingTests.averageScore).toBeCloseTo(((questions.length + attempt.body.score) / (2 * questions.length)) * 100, 5);
    expect(own.texts).toMatchObject({ read: 1, readingSeconds: 65 });
    // The teacher's link reaches progress through identity's events, so the row may come a moment later.
    const row = await waitFor(
      async () => {
        const table = await api.call('GET', '/teacher/students', { token: teacher.accessToken });
        const found = table.body?.items?.find((item: { studentId: string; testsTaken: number }) => item.studentId === student.id);
        return found?.testsTaken === 2 ? found : undefined;
      },
      { timeoutMs: 60_000, what: 'the student in their teacher’s table' },
    );
    expect(row).toMatchObject({ testsTaken: 2, textsRead: 1, lastTestScore: 100 });
    const page = await api.call('GET', `/teacher/students/${student.id}/progress`, { token: teacher.accessToken });
    expect(page.body.readingTests.recent[0]).toMatchObject({ textTitle: withTest.title, score: questions.length, maxScore: questions.length });
    // A text without a test.
    const withoutTest = (await as(student)('GET', '/texts?pageSize=100')).body.items.find((item: { hasTest: boolean }) => !item.hasTest);
    expect((await as(student)('GET', `/texts/${withoutTest.id}/test`)).body.code).toBe('TEST_NOT_FOUND');
  });

  it('raises "% known" as words become known', async () => {
    const { body } = await as(other)('GET', '/texts?level=A1&pageSize=1');
    const id = body.items[0].id as string;
    const before = await as(other)('GET', `/texts/${id}`);
    const words = wordsOf(before.body.paragraphs);
    const dictionaryWords = [...new Set(words.filter((word) => word.wordId).map((word) => word.wordId as string))];
    let last = before.body.stats.knownPercent as number;
    for (const wordId of dictionaryWords.slice(0, 3)) {
      expect((await as(other)('PUT', '/words/state', { wordId, state: 'known' })).status).toBe(200);
      const now = (await as(other)('GET', `/texts/${id}`)).body.stats.knownPercent as number;
      expect(now).toBeGreaterThan(last);
      last = now;
    }
    expect((await as(other)('GET', `/texts?level=A1&minKnown=${Math.floor(last)}`)).body.items.map((item: { id: string }) => item.id)).toContain(id);
    // Another student's states are theirs alone.
    expect((await as(student)('GET', `/texts/${id}`)).body.stats.knownPercent).toBeLessThan(last);
  });

  it('keeps own texts to their owner (404 for others), lets students only, and refuses library deletes', async () => {
    const mine = await as(student)('POST', '/texts', { title: 'Mijn dagboek', body: 'Vandaag was ik moe.\n\nMorgen ga ik fietsen.' });
    expect(mine.status).toBe(201);
    const id = mine.body.id as string;
    const others = as(other);
    const bola: Array<[string, string, unknown?]> = [
      ['GET', `/texts/${id}`],
      ['GET', `/texts/${id}/test`],
      ['PUT', `/texts/${id}/position`, { paragraph: 0, sentence: 0, readingSeconds: 1 }],
      ['POST', `/texts/${id}/saved-words`, { lemma: 'moe', sentence: 'Vandaag was ik moe.' }],
      ['POST', `/texts/${id}/test/attempts`, { answers: [] }],
      ['DELETE', `/texts/${id}`],
    ];
    for (const [method, path, body] of bola) expect({ method, path, ...pick(await others(method, path, body)) }).toEqual({ method, path, status: 404, code: 'TEXT_NOT_FOUND' });
    expect((await others('GET', '/texts?source=own')).body.total).toBe(0);
    expect((await as(student)('GET', `/texts/${id}`)).status).toBe(200);

    const libraryText = (await as(student)('GET', '/texts?source=library&pageSize=1')).body.items[0].id as string;
    expect(pick(await as(student)('DELETE', `/texts/${libraryText}`))).toEqual({ status: 403, code: 'NOT_YOUR_TEXT' });

    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/texts'],
      ['GET', `/texts/${libraryText}`],
      ['POST', '/texts', { title: 'x', body: 'Een zin.' }],
      ['DELETE', `/texts/${id}`],
      ['PUT', '/words/state', { lemma: 'fiets', state: 'known' }],
      ['POST', `/texts/${libraryText}/saved-words`, { lemma: 'fiets', sentence: 'Ik fiets.' }],
      ['PUT', `/texts/${libraryText}/position`, { paragraph: 0, sentence: 0, readingSeconds: 1 }],
      ['GET', `/texts/${libraryText}/test`],
      ['POST', `/texts/${libraryText}/test/attempts`, { answers: [] }],
    ];
    for (const [method, path, body] of routes) {
      expect({ path, status: (await as(undefined)(method, path, body)).status }).toEqual({ path, status: 401 });
      for (const user of [teacher, admin]) expect({ path, role: user.role, status: (await as(user)(method, path, body)).status }).toEqual({ path, role: user.role, status: 403 });
    }
    expect((await as(student)('DELETE', `/texts/${id}`)).status).toBe(204);
    expect((await as(student)('GET', `/texts/${id}`)).status).toBe(404);
  });

  it('answers bad input with a clear 4xx and keeps what is stored', async () => {
    const ownBefore = (await as(student)('GET', '/texts?source=own')).body.total as number;
    const own = await as(student)('POST', '/texts', { title: 'Blijft staan', body: 'Deze tekst blijft bestaan.' });
    const id = own.body.id as string;
    const cases: Array<[string, string, unknown, number]> = [
      ['POST', '/texts', { title: '', body: 'x' }, 400],
      ['POST', '/texts', { title: 'Leeg', body: '   \n\n  ' }, 422],
      ['POST', '/texts', { title: 'x', body: 'y', extra: 1 }, 400],
      ['PUT', '/words/state', { lemma: 'fiets', wordId: 'fiets', state: 'known' }, 400],
      ['PUT', '/words/state', { wordId: 'no-such-word', state: 'known' }, 404],
      ['PUT', '/words/state', { lemma: 'fiets', state: 'forgotten' }, 400],
      // Characters MongoDB-wire servers refuse in field names are stored all the same.
      ['PUT', '/words/state', { lemma: 'o.a.\u{a67c1}\u0085$x', state: 'learning' }, 200],
      ['POST', `/texts/${id}/saved-words`, { wordId: 'no-such-word', sentence: 'x' }, 404],
      ['POST', `/texts/${id}/saved-words`, { lemma: 'tekst' }, 400],
      ['PUT', `/texts/${id}/position`, { paragraph: -1, sentence: 0, readingSeconds: 1 }, 400],
      ['PUT', `/texts/${id}/position`, { paragraph: 5, sentence: 0, readingSeconds: 1 }, 422],
      ['PUT', `/texts/${id}/position`, { paragraph: 0, sentence: 0, readingSeconds: 99_999 }, 400],
      ['GET', `/texts/${'x'.repeat(65)}`, undefined, 400],
      ['GET', `/texts/${randomUUID()}`, undefined, 404],
      ['GET', '/texts?level=Z9', undefined, 400],
      ['GET', '/texts?minKnown=101', undefined, 400],
    ];
    for (const [method, path, body, status] of cases) {
      const answer = await as(student)(method, path, body);
      expect({ method, path, status: answer.status, enveloped: status >= 400 ? typeof answer.body?.code === 'string' : true }).toEqual({ method, path, status, enveloped: true });
    }
    const withTest = (await as(student)('GET', '/texts?source=test&pageSize=1')).body.items[0].id as string;
    const { questions } = (await as(student)('GET', `/texts/${withTest}/test`)).body as { questions: Array<{ id: string; type: string }> };
    const mc = questions.find((question) => question.type === 'multipleChoice') ?? questions[0];
    expect(pick(await as(student)('POST', `/texts/${withTest}/test/attempts`, { answers: [{ questionId: 'q99', answer: 1 }] }))).toEqual({ status: 422, code: 'INVALID_ANSWER' });
    expect(pick(await as(student)('POST', `/texts/${withTest}/test/attempts`, { answers: [{ questionId: mc.id, answer: 0 }, { questionId: mc.id, answer: 1 }] }))).toEqual({ status: 422, code: 'INVALID_ANSWER' });

    // Files: unsupported (415), broken (422 with the reason), too large (413), DRM (422).
    expect(pick(await upload(student, { name: 'boek.pdf', bytes: Buffer.from('%PDF-1.4') }))).toEqual({ status: 415, code: 'UNSUPPORTED_TYPE' });
    const broken = await upload(student, { name: 'kapot.epub', bytes: Buffer.from('PK\u0003\u0004 not really a zip') });
    expect(pick(broken)).toEqual({ status: 422, code: 'BROKEN_FILE' });
    expect(broken.body.message).toMatch(/zip/);
    const drm = await upload(student, { name: 'drm.epub', bytes: await epubFixture([{ file: 'a.xhtml', html: '<p>Hallo.</p>' }], { encrypted: true }) });
    expect(pick(drm)).toEqual({ status: 422, code: 'BROKEN_FILE' });
    expect(pick(await upload(student, { name: 'groot.txt', bytes: Buffer.alloc(10 * 1024 * 1024 + 1, 'a') }))).toEqual({ status: 413, code: 'TOO_LARGE' });
    expect((await api.call('POST', '/reader/texts', { token: student.accessToken, body: 'plain', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    // A form of many fields, odd names, and a file without an extension: refused, never a 500.
    const crowded = new FormData();
    for (const name of ['', 'NULL', 'x', 'y', 'z', 'title', '³´', 'w']) crowded.append(name, '{}');
    crowded.append('file', new Blob([new Uint8Array([0xef, 0xbf, 0xbd, 0x4b, 0x2a])]), 'file');
    const answer = await fetch(`${tall.url}/api/v1/reader/texts`, { method: 'POST', headers: { authorization: `Bearer ${student.accessToken}` }, body: crowded });
    expect({ status: answer.status, code: ((await answer.json()) as { code?: string }).code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const noBoundary = await api.call('POST', '/reader/texts', { token: student.accessToken, body: { title: 'x', body: 'y' }, headers: { 'content-type': 'multipart/form-data' } });
    expect(pick(noBoundary)).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const srt = await upload(student, { name: 'aflevering.srt', bytes: Buffer.from('1\n00:00:01,000 --> 00:00:03,000\n<i>Goedemorgen!</i>\n\n2\n00:00:04,000 --> 00:00:06,000\nHoe gaat het?\n') }, 'Aflevering 1');
    expect(srt.body).toMatchObject({ title: 'Aflevering 1', source: 'own' });

    expect((await as(student)('GET', `/texts/${id}`)).status).toBe(200);
    // Only the two good imports were added: nothing refused was stored, nothing stored was lost.
    expect((await as(student)('GET', '/texts?source=own')).body.total).toBe(ownBefore + 2);
  });

  it('exports the reader’s data of a student and erases it with the account', async () => {
    const leaver = await api.newUser(admin.accessToken, 'STUDENT', 'reader-leaver');
    const text = await as(leaver)('POST', '/texts', { title: 'Geheim dagboek', body: 'Niemand mag dit lezen.' });
    expect((await as(leaver)('PUT', '/words/state', { lemma: 'niemand', state: 'known' })).status).toBe(200);
    const exported = await api.call('GET', '/pii/me/export', { token: leaver.accessToken });
    expect(exported.status).toBe(200);
    const section = (exported.body.sections as Array<{ context: string; data: Record<string, unknown[]> }>).find((candidate) => candidate.context === 'reader');
    expect(section?.data['ownTexts']).toEqual([expect.objectContaining({ id: text.body.id, title: 'Geheim dagboek' })]);
    expect(section?.data['wordStates']).toEqual([expect.objectContaining({ state: 'known' })]);

    expect((await api.call('DELETE', `/users/${leaver.id}`, { token: admin.accessToken })).status).toBe(204);
    const { MongoClient } = await import('mongodb');
    const client = await MongoClient.connect(stores.MONGODB_URI);
    try {
      const users = client.db(`${client.db().databaseName}_reader_users`);
      await waitFor(async () => (await users.collection('reader_own_texts').countDocuments({ ownerId: leaver.id })) === 0, { timeoutMs: 30_000, what: 'the own texts to be erased' });
      await waitFor(async () => (await users.collection('reader_word_states').countDocuments({ userId: leaver.id })) === 0, { timeoutMs: 30_000, what: 'the word states to be erased' });
    } finally {
      await client.close();
    }
  });
});

function pick(answer: Answer): { status: number; code?: string } {
  return { status: answer.status, code: answer.body?.code };
}
