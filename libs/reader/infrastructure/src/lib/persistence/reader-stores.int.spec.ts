import { randomUUID } from 'node:crypto';
import { MongoClient, type Db, type Document } from 'mongodb';
import type { Connection, Model } from 'mongoose';
import { contextConnection } from '@tall/platform/database';
import { createEvent, type EventEnvelope } from '@tall/platform/event-contracts';
import { stackEnv, uniqueName } from '@tall/platform/testing';
import type { ReadingProgress, SavedWordRecord, StoredText, TestAttempt } from '@tall/reader/application';
import { ReaderContentChanged, ReaderWordSaved, TestCompleted, TextOpened, TextProgressed } from '@tall/reader/contracts';
import { loadSeedLibrary } from '../seed/library-seed-loader';
import { readSeedTexts } from '../seed/seed-texts';
import { MongoReadingStore } from './mongo-reading-store';
import { MongoLibraryStore, MongoOwnTextStore } from './mongo-text-stores';
import type { ReaderModel } from './reader-connections';
import {
  ATTEMPT_MODEL,
  LIBRARY_TEXT_MODEL,
  OWN_TEXT_MODEL,
  READER_OUTBOX_COLLECTIONS,
  SAVED_WORD_MODEL,
  STUDENT_READING_MODEL,
  type AttemptDocument,
  type LibraryTextDocument,
  type OwnTextDocument,
  type SavedWordDocument,
  type StudentReadingDocument,
} from './reader-models';

/** As the module compiles them; the cast because mongoose's generic model types exhaust tsc. */
function modelOn<T>(connection: Connection, model: ReaderModel<T>): Model<T> {
  return (connection.models[model.name] ?? connection.model(model.name, model.schema, model.collection)) as unknown as Model<T>;
}

const at = new Date('2026-03-10T09:00:00Z');
const meta = (userId: string) => ({ key: userId, correlationId: randomUUID(), actorId: userId, occurredAt: at });
const opened = (userId: string, textId: string) =>
  createEvent(TextOpened, { userId, textId, source: 'library', level: 'A1', wordCount: 120, at: at.toISOString() }, meta(userId));
const progressed = (userId: string, textId: string, readingSeconds: number) =>
  createEvent(TextProgressed, { userId, textId, source: 'library', level: 'A1', wordCount: 120, paragraph: 1, paragraphs: 4, readingSeconds, at: at.toISOString() }, meta(userId));

/** The events a document carries for the relay, as type and payload. */
function outboxOf(document: Document | null): Array<{ type: string; payload: Record<string, unknown> }> {
  return ((document?.['_outbox'] ?? []) as EventEnvelope[]).map((event) => ({ type: event.type, payload: event.payload as Record<string, unknown> }));
}

describe('the reader stores on MongoDB (integration)', () => {
  let client: MongoClient;
  let libraryDb: Db;
  let usersDb: Db;
  let libraryTexts: Model<LibraryTextDocument>;
  let reading: MongoReadingStore;
  let own: MongoOwnTextStore;

  beforeAll(async () => {
    client = new MongoClient(stackEnv().MONGODB_URI);
    // Databases of this file alone, named as the module names its two.
    const base = uniqueName('reader_stores');
    libraryDb = client.db(`${base}_reader`);
    usersDb = client.db(`${base}_reader_users`);
    const library = await contextConnection(client, libraryDb.databaseName);
    const users = await contextConnection(client, usersDb.databaseName);
    libraryTexts = modelOn<LibraryTextDocument>(library, LIBRARY_TEXT_MODEL);
    reading = new MongoReadingStore({
      students: modelOn<StudentReadingDocument>(users, STUDENT_READING_MODEL),
      saved: modelOn<SavedWordDocument>(users, SAVED_WORD_MODEL),
      attempts: modelOn<AttemptDocument>(users, ATTEMPT_MODEL),
    });
    own = new MongoOwnTextStore(modelOn<OwnTextDocument>(users, OWN_TEXT_MODEL));
    await Promise.all([reading.ensureIndexes(), own.ensureIndexes(), new MongoLibraryStore(libraryTexts).ensureIndexes()]);
  });

  afterAll(async () => {
    await Promise.all([libraryDb?.dropDatabase().catch(() => undefined), usersDb?.dropDatabase().catch(() => undefined)]);
    await client?.close();
  });

  describe('MongoReadingStore', () => {
    const progress = (userId: string, textId: string, fields: Partial<ReadingProgress> = {}): ReadingProgress => ({
      userId,
      textId,
      paragraph: 0,
      sentence: 0,
      paragraphs: 4,
      readingSeconds: 0,
      finished: false,
      openedAt: at,
      progressReportedAt: null,
      updatedAt: at,
      revision: 1,
      ...fields,
    });
    /** A student's events waiting in any outbox of the students' database, oldest first: where they sit is the store's business. */
    const pendingEventsOf = async (userId: string) => {
      const documents = await Promise.all(READER_OUTBOX_COLLECTIONS.users.map((collection) => usersDb.collection(collection).find({ _outboxPending: true }).toArray()));
      return documents
        .flat()
        .flatMap((document) => (document['_outbox'] ?? []) as Array<EventEnvelope & { _seq?: number }>)
        .filter((event) => (event.payload as { userId?: string }).userId === userId)
        .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || (a._seq ?? 0) - (b._seq ?? 0))
        .map((event) => ({ type: event.type, payload: event.payload as Record<string, unknown> }));
    };

    it('inserts and updates a position on its revision, refusing a stale write, with its events written alongside', async () => {
      const student = randomUUID();
      expect(await reading.saveProgress(progress(student, 'story'), 0, [opened(student, 'story')])).toBe(true);
      // A second first write (another request that also saw nothing) loses, and its event with it.
      expect(await reading.saveProgress(progress(student, 'story', { readingSeconds: 99 }), 0, [opened(student, 'story')])).toBe(false);

      const next = progress(student, 'story', { paragraph: 1, sentence: 2, readingSeconds: 30, progressReportedAt: at, revision: 2 });
      expect(await reading.saveProgress(next, 1, [progressed(student, 'story', 30)])).toBe(true);
      // Written against revision 1 after revision 2 was stored.
      expect(await reading.saveProgress(progress(student, 'story', { readingSeconds: 5, revision: 2 }), 1, [progressed(student, 'story', 5)])).toBe(false);
      expect(await reading.saveProgress(progress(student, 'story', { paragraph: 2, readingSeconds: 40, progressReportedAt: at, revision: 3 }), 2, [])).toBe(true);

      expect((await reading.progressOf(student, ['story'])).get('story')).toEqual(progress(student, 'story', { paragraph: 2, readingSeconds: 40, progressReportedAt: at, revision: 3 }));
      expect(await pendingEventsOf(student)).toEqual([
        { type: TextOpened.type, payload: expect.objectContaining({ userId: student, textId: 'story' }) },
        { type: TextProgressed.type, payload: expect.objectContaining({ readingSeconds: 30 }) },
      ]);
    });

    it("starts a student's position in a second text without touching the first", async () => {
      const student = randomUUID();
      await reading.setState(student, 'w-huis', 'known', at);
      // The student exists (a state) but has no position yet: a first write still counts as first.
      expect(await reading.saveProgress(progress(student, 'a', { readingSeconds: 10 }), 0, [opened(student, 'a')])).toBe(true);
      expect(await reading.saveProgress(progress(student, 'b', { readingSeconds: 20 }), 0, [opened(student, 'b')])).toBe(true);
      expect(await reading.saveProgress(progress(student, 'a', { readingSeconds: 11 }), 0, [])).toBe(false);
      const stored = await reading.progressOf(student);
      expect([stored.get('a')?.readingSeconds, stored.get('b')?.readingSeconds]).toEqual([10, 20]);
      expect(await reading.statesOf(student)).toEqual(new Map([['w-huis', 'known']]));
      expect((await pendingEventsOf(student)).map((event) => event.payload['textId'])).toEqual(['a', 'b']);
    });

    it('reads positions by text or all of a student, and drops one keeping the events already written', async () => {
      const student = randomUUID();
      const other = randomUUID();
      await reading.saveProgress(progress(student, 'a', { readingSeconds: 1 }), 0, []);
      await reading.saveProgress(progress(student, 'b', { readingSeconds: 2 }), 0, [opened(student, 'b')]);
      await reading.saveProgress(progress(other, 'a', { readingSeconds: 3 }), 0, []);
      expect([...(await reading.progressOf(student)).keys()].sort()).toEqual(['a', 'b']);
      expect([...(await reading.progressOf(student, ['b', 'c'])).keys()]).toEqual(['b']);
      expect(await reading.progressOf(randomUUID())).toEqual(new Map());

      await reading.dropProgress(student, 'b');
      await reading.dropProgress(student, 'nothing-here');
      await reading.dropProgress(randomUUID(), 'a');
      expect([...(await reading.progressOf(student)).keys()]).toEqual(['a']);
      expect([...(await reading.progressOf(other)).keys()]).toEqual(['a']);
      // The text was opened: that still goes out.
      expect(await pendingEventsOf(student)).toEqual([{ type: TextOpened.type, payload: expect.objectContaining({ textId: 'b' }) }]);
      // A text read again after it was dropped starts afresh.
      expect(await reading.saveProgress(progress(student, 'b'), 0, [])).toBe(true);
    });

    it('reads word states by key or all of them, one per word and student, whatever the characters of the key', async () => {
      const student = randomUUID();
      const other = randomUUID();
      await reading.setState(student, 'w-huis', 'learning', at);
      await reading.setState(student, 'w-huis', 'known', new Date(at.getTime() + 1_000));
      await reading.setState(student, 'word:straat', 'ignored', at);
      await reading.setState(student, 'function:de', 'known', at);
      // A dot is a path and a dollar an operator to MongoDB; a per cent sign is the store's escape.
      await reading.setState(student, 'word:o.a', 'known', at);
      await reading.setState(student, 'word:$where', 'ignored', at);
      await reading.setState(student, 'word:100%2e', 'new', at);
      await reading.setState(other, 'w-huis', 'new', at);

      expect(await reading.statesOf(student, ['w-huis', 'word:straat', 'word:o.a', 'w-nothing'])).toEqual(
        new Map([
          ['w-huis', 'known'],
          ['word:straat', 'ignored'],
          ['word:o.a', 'known'],
        ]),
      );
      expect(await reading.statesOf(student)).toEqual(
        new Map([
          ['w-huis', 'known'],
          ['word:straat', 'ignored'],
          ['function:de', 'known'],
          ['word:o.a', 'known'],
          ['word:$where', 'ignored'],
          ['word:100%2e', 'new'],
        ]),
      );
      expect(await reading.statesOf(student, [])).toEqual(new Map());
      expect(await reading.statesOf(other)).toEqual(new Map([['w-huis', 'new']]));
      expect(await reading.statesOf(randomUUID())).toEqual(new Map());
      expect((await reading.exportOf(student)).states).toEqual(
        expect.arrayContaining([
          { key: 'w-huis', state: 'known', updatedAt: new Date(at.getTime() + 1_000) },
          { key: 'word:o.a', state: 'known', updatedAt: at },
        ]),
      );
    });

    it('answers reads of one student that run side by side, each with what was asked', async () => {
      const student = randomUUID();
      await reading.setState(student, 'w-huis', 'known', at);
      await reading.saveProgress(progress(student, 'a', { readingSeconds: 7 }), 0, []);
      const [states, some, all, positions] = await Promise.all([
        reading.statesOf(student, ['w-huis']),
        reading.statesOf(student, ['w-man']),
        reading.statesOf(student),
        reading.progressOf(student, ['a']),
      ]);
      expect([states, some, all]).toEqual([new Map([['w-huis', 'known']]), new Map(), new Map([['w-huis', 'known']])]);
      expect(positions.get('a')?.readingSeconds).toBe(7);
      // A read after a write sees it.
      await reading.setState(student, 'w-man', 'learning', at);
      expect((await reading.statesOf(student)).get('w-man')).toBe('learning');
    });

    it('saves a word once: a second save returns the first and adds no event', async () => {
      const student = randomUUID();
      const word: SavedWordRecord = {
        savedId: uniqueName('saved'),
        userId: student,
        textId: 'story',
        key: 'w-huis',
        lemma: 'huis',
        wordId: 'w-huis',
        translation: 'house',
        article: 'het',
        context: 'Het huis is groot.',
        savedAt: at,
      };
      const event = ({ userId, savedId, lemma, translation, article, context, textId, wordId, savedAt }: SavedWordRecord) =>
        createEvent(ReaderWordSaved, { userId, savedId, lemma, translation, article, context, textId, wordId, at: savedAt.toISOString() }, meta(userId));
      expect(await reading.saveWord(word, event(word))).toEqual({ word, created: true });
      const again = { ...word, textId: 'sequel', context: 'Twee huizen.', savedAt: new Date(at.getTime() + 60_000) };
      expect(await reading.saveWord(again, event(again))).toEqual({ word, created: false });

      const stored = await usersDb.collection(SAVED_WORD_MODEL.collection).findOne({ _id: word.savedId as never });
      expect(outboxOf(stored)).toEqual([{ type: ReaderWordSaved.type, payload: expect.objectContaining({ savedId: word.savedId, textId: 'story' }) }]);
      expect(await reading.savedKeysOf(student)).toEqual(new Set(['w-huis']));
      expect(await reading.savedKeysOf(student, ['w-man'])).toEqual(new Set());

      // Nothing else is stored as a duplicate: a null translation and article read back as null.
      const bare = { ...word, savedId: uniqueName('saved'), key: 'word:straat', lemma: 'straat', wordId: null, translation: null, article: null, context: null };
      expect(await reading.saveWord(bare, event(bare))).toMatchObject({ created: true });
      expect((await reading.exportOf(student)).savedWords).toEqual([word, bare]);
    });

    it('keeps test attempts newest first with their events, and erases everything of one student only', async () => {
      const student = randomUUID();
      const other = randomUUID();
      const attempt = (userId: string, minutes: number, score: number): TestAttempt => ({
        id: randomUUID(),
        userId,
        textId: 'tested',
        textVersion: 2,
        answers: [{ questionId: 'q1', answer: 0 }],
        results: [{ questionId: 'q1', correct: score > 0, expected: 'In een huis' }],
        score,
        maxScore: 4,
        at: new Date(at.getTime() + minutes * 60_000),
      });
      const completed = (record: TestAttempt) =>
        createEvent(
          TestCompleted,
          { userId: record.userId, attemptId: record.id, textId: record.textId, textTitle: 'Getest', level: 'A2', score: record.score, maxScore: record.maxScore, at: record.at.toISOString() },
          meta(record.userId),
        );
      const first = attempt(student, 0, 1);
      const second = attempt(student, 5, 3);
      for (const record of [first, second, attempt(other, 1, 2)]) await reading.addAttempt(record, completed(record));
      expect(await reading.attemptsOf(student, 'tested')).toEqual([second, first]);
      expect(outboxOf(await usersDb.collection(ATTEMPT_MODEL.collection).findOne({ _id: first.id as never }))).toEqual([
        { type: TestCompleted.type, payload: expect.objectContaining({ attemptId: first.id, score: 1, maxScore: 4 }) },
      ]);

      await reading.setState(student, 'w-huis', 'known', at);
      await reading.setState(other, 'w-huis', 'known', at);
      await reading.saveProgress(progress(student, 'tested'), 0, [opened(student, 'tested')]);
      await reading.saveProgress(progress(other, 'tested'), 0, []);
      const exported = await reading.exportOf(student);
      expect(exported).toEqual({ states: [{ key: 'w-huis', state: 'known', updatedAt: at }], progress: [progress(student, 'tested')], savedWords: [], attempts: [first, second] });

      await reading.erase(student);
      expect(await reading.exportOf(student)).toEqual({ states: [], progress: [], savedWords: [], attempts: [] });
      const kept = await reading.exportOf(other);
      expect([kept.states.length, kept.progress.length, kept.attempts.length]).toEqual([1, 1, 1]);
    });
  });

  describe('MongoOwnTextStore', () => {
    const text = (ownerId: string, id: string, createdAt: Date): StoredText => ({
      id,
      title: `Tekst ${id}`,
      level: null,
      topic: null,
      source: 'own',
      credit: null,
      version: 1,
      sections: [{ title: 'Hoofdstuk 1', body: 'De man fietst naar huis.' }],
      test: null,
      ownerId,
      wordCount: 7,
      createdAt,
    });

    it('lists a student’s texts newest first, and deletes one only for its owner', async () => {
      const owner = randomUUID();
      const stranger = randomUUID();
      const older = text(owner, randomUUID(), at);
      const newer = text(owner, randomUUID(), new Date(at.getTime() + 60_000));
      await own.insert(older);
      await own.insert(newer);
      expect(await own.listOf(owner)).toEqual([newer, older]);
      expect(await own.get(older.id)).toEqual(older);
      expect(await own.listOf(stranger)).toEqual([]);

      expect(await own.delete(older.id, stranger)).toBe(false);
      expect(await own.get(older.id)).toEqual(older);
      expect(await own.delete(older.id, owner)).toBe(true);
      expect(await own.get(older.id)).toBeNull();
      expect(await own.delete(older.id, owner)).toBe(false);
      await expect(own.insert({ ...newer, id: randomUUID(), ownerId: null })).rejects.toThrow(/owner/);
    });

    it("erases every text of one owner and nobody else's", async () => {
      const owner = randomUUID();
      const other = randomUUID();
      await own.insert(text(owner, randomUUID(), at));
      await own.insert(text(owner, randomUUID(), at));
      const kept = text(other, randomUUID(), at);
      await own.insert(kept);
      await own.eraseOwner(owner);
      expect(await own.listOf(owner)).toEqual([]);
      expect(await own.listOf(other)).toEqual([kept]);
    });
  });

  describe('loadSeedLibrary', () => {
    const seed = readSeedTexts();
    const texts = () => libraryDb.collection(LIBRARY_TEXT_MODEL.collection);
    const contentEvents = (document: Document | null) => outboxOf(document).filter((event) => event.type === ReaderContentChanged.type);
    const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000);
    /** The seed as the last load saw it. */
    let current = seed;
    const changedAt = (index: number, change: (text: (typeof seed)[number]['text']) => (typeof seed)[number]['text']) =>
      current.map((entry, at) => (at === index ? { ...entry, text: change(entry.text) } : entry));

    // One library, loaded as an instance would load it on successive starts: the cases build on each other.
    it('creates every seed text once, at version 1, each with its reader.content.changed', async () => {
      expect(await loadSeedLibrary(libraryTexts, seed, at)).toEqual({ created: seed.length, updated: 0, keptEdits: 0, unchanged: 0 });
      const documents = await texts().find().toArray();
      expect(documents.map((document) => document._id).sort()).toEqual(seed.map(({ text }) => text.slug).sort());
      for (const document of documents) {
        expect(document).toMatchObject({ version: 1, status: 'published', editedAt: null, createdAt: at, _outboxPending: true });
        expect(contentEvents(document)).toEqual([{ type: ReaderContentChanged.type, payload: { textId: document._id, version: 1, change: 'created', at: at.toISOString() } }]);
      }
      // What the reader serves from it: every text published, tests kept with their answers.
      const library = new MongoLibraryStore(libraryTexts);
      expect(await library.list()).toHaveLength(seed.length);
      const withTest = seed.find(({ text }) => text.test);
      if (!withTest) throw new Error('the seed has no test text');
      expect(await library.get(withTest.text.slug)).toMatchObject({ id: withTest.text.slug, version: 1, ownerId: null, test: withTest.text.test, sections: [{ title: null, body: withTest.text.body }] });
    });

    it('changes nothing when loaded again', async () => {
      const before = await texts().find().sort({ _id: 1 }).toArray();
      expect(await loadSeedLibrary(libraryTexts, seed, later(1))).toEqual({ created: 0, updated: 0, keptEdits: 0, unchanged: seed.length });
      expect(await texts().find().sort({ _id: 1 }).toArray()).toEqual(before);
    });

    it('updates a changed seed text to its next version, with an updated event', async () => {
      const [first] = seed;
      current = changedAt(0, (text) => ({ ...text, title: `${text.title} (herzien)` }));
      expect(await loadSeedLibrary(libraryTexts, current, later(2))).toEqual({ created: 0, updated: 1, keptEdits: 0, unchanged: seed.length - 1 });
      const document = await texts().findOne({ _id: first.text.slug as never });
      expect(document).toMatchObject({ title: `${first.text.title} (herzien)`, version: 2, createdAt: at, updatedAt: later(2) });
      expect(contentEvents(document).map((event) => event.payload)).toEqual([
        { textId: first.text.slug, version: 1, change: 'created', at: at.toISOString() },
        { textId: first.text.slug, version: 2, change: 'updated', at: later(2).toISOString() },
      ]);
      // Loaded once more, the changed seed is the current one.
      expect(await loadSeedLibrary(libraryTexts, current, later(3))).toEqual({ created: 0, updated: 0, keptEdits: 0, unchanged: seed.length });
    });

    it('leaves a text an admin edited as the admin left it', async () => {
      const edited = seed[1].text.slug;
      const editedAt = later(4);
      await texts().updateOne({ _id: edited as never }, { $set: { title: 'Door de beheerder', editedAt } });
      const before = await texts().findOne({ _id: edited as never });
      current = changedAt(1, (text) => ({ ...text, body: `${text.body}\n\nEen nieuwe alinea van de seed.` }));
      expect(await loadSeedLibrary(libraryTexts, current, later(5))).toEqual({ created: 0, updated: 0, keptEdits: 1, unchanged: seed.length - 1 });
      expect(await texts().findOne({ _id: edited as never })).toEqual(before);
      expect(before).toMatchObject({ title: 'Door de beheerder', version: 1, editedAt });
      expect(contentEvents(before)).toHaveLength(1);
    });
  });
});
