// The baseline of `npm run bench`: bare Fastify and bare pg doing the same work as Tall's routes,
// without Nest, validation, versioning, metrics or the outbox. Ratios are Tall / baseline.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import argon2 from 'argon2';
import Fastify from 'fastify';
import { MongoClient } from 'mongodb';
import pg from 'pg';

const port = Number(process.env.PORT);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const expected = createHash('sha256').update(process.env.OPS_API_TOKEN ?? '').digest();
const info = JSON.parse(process.env.BASELINE_INFO ?? '{}');

const app = Fastify({ logger: false, bodyLimit: 1_048_576 });

/** The same static-token check as Tall's guard on its operations and monitoring routes. */
const authorized = (request) =>
  timingSafeEqual(createHash('sha256').update(/^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '').digest(), expected);

app.get('/info', async (request, reply) => (authorized(request) ? info : reply.code(401).send({ code: 'UNAUTHENTICATED' })));

app.get('/runs', async (request, reply) => {
  if (!authorized(request)) return reply.code(401).send({ code: 'UNAUTHENTICATED' });
  const { rows } = await pool.query(
    'SELECT job, period_key, status, started_at, finished_at, error, holder, attempts FROM platform.job_runs WHERE job = $1 ORDER BY period_key DESC LIMIT $2',
    ['weekly-cohorts', 20],
  );
  return {
    items: rows.map((row) => ({
      job: row.job,
      periodKey: row.period_key,
      status: row.status,
      startedAt: row.started_at.toISOString(),
      finishedAt: row.finished_at?.toISOString() ?? null,
      error: row.error,
      attempts: row.attempts,
    })),
  };
});

app.post('/notes', async (request, reply) => {
  const { rows } = await pool.query('INSERT INTO bench.notes (text) VALUES ($1) RETURNING id', [request.body.text]);
  return reply.code(201).send({ id: rows[0].id });
});

// What a sign-in costs at the least: one argon2id verify at Tall's parameters.
const argonHash = await argon2.hash(process.env.BASELINE_PASSWORD ?? 'baseline', { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
app.post('/argon2', async (request, reply) => {
  const valid = await argon2.verify(argonHash, request.body.password);
  return reply.code(valid ? 200 : 401).send({ valid });
});

// Vocabulary: the reads Tall's session and today's-queue routes make, on the bare MongoDB driver,
// with the student's id in the query string instead of a verified token.
const mongo = new MongoClient(process.env.MONGODB_URI, { maxPoolSize: 10 });
const mongoName = process.env.MONGODB_URI.replace(/^mongodb(\+srv)?:\/\/[^/]+/, '').split('?')[0].replace(/^\//, '') || 'tall';
const vocabulary = mongo.db(`${mongoName}_vocabulary`);

app.get('/vocabulary/session', async (request, reply) => {
  const { user, topic } = request.query;
  const found = await vocabulary.collection('dictionary_topics').findOne({ _id: topic });
  if (!found) return reply.code(404).send({ code: 'NOT_FOUND' });
  const [words, cards] = await Promise.all([
    vocabulary.collection('dictionary_words').find({ topicId: topic }).sort({ order: 1, _id: 1 }).toArray(),
    vocabulary.collection('thematic_cards').find({ userId: user, topicId: topic }, { projection: { _id: 0, wordId: 1, topicId: 1, box: 1, dueAt: 1, reviews: 1, correctReviews: 1 } }).toArray(),
  ]);
  const seen = new Set(cards.map((card) => card.wordId));
  const drawn = [...cards.filter((card) => card.dueAt <= new Date()).map((card) => card.wordId), ...words.filter((word) => !seen.has(word._id)).map((word) => word._id)].slice(0, 10);
  const byId = new Map(words.map((word) => [word._id, word]));
  return { topicId: topic, cards: drawn.map((id) => ({ wordId: id, mode: 'recall', prompt: { translation: byId.get(id)?.translations?.en ?? null } })) };
});

app.get('/vocabulary/today', async (request) => {
  const { user, week } = request.query;
  const set = await vocabulary.collection('learning_weeks').findOne({ _id: `${week}:${user}` }, { projection: { _outbox: 0, _outboxPending: 0 } });
  const cohorts = set?.activeCohorts ?? [week];
  const now = new Date();
  const filter = {
    userId: user,
    status: 'active',
    cohortWeek: { $in: cohorts },
    $or: [
      { state: { $in: ['new', 'review'] }, due: { $lt: new Date(now.getTime() + 86_400_000) } },
      { state: { $in: ['learning', 'relearning'] }, due: { $lt: new Date(now.getTime() + 20 * 60_000) } },
    ],
  };
  const [items, total] = await Promise.all([
    vocabulary.collection('learning_cards').find(filter, { projection: { _outbox: 0 } }).sort({ due: 1, _id: 1 }).limit(50).toArray(),
    vocabulary.collection('learning_cards').countDocuments(filter),
  ]);
  return { week, activeCohorts: cohorts, items, total };
});

// Reader: the reads of GET /reader/texts/:id on the bare driver (the student's document of word
// states and positions; the library text and their learning cards kept 30 s, as Tall keeps them), the same
// atomizer (Tall's compiled domain lib) with its result kept per text version, and the same
// per-token work, with the student's id in a header instead of a verified token.
const require = createRequire(import.meta.url);
const readerDomain = require(new URL('../../dist/api/libs/reader/domain/src/index.js', import.meta.url).pathname);
const reader = mongo.db(`${mongoName}_reader`);
const readerUsers = mongo.db(`${mongoName}_reader_users`);
let lexicon;
const atomized = new Map();
const userWordCache = new Map();
const libraryCache = new Map();

async function readerLexicon() {
  if (lexicon) return lexicon;
  const topics = new Map((await vocabulary.collection('dictionary_topics').find({}, { projection: { level: 1 } }).toArray()).map((topic) => [topic._id, topic.level]));
  const words = await vocabulary.collection('dictionary_words').find({}).toArray();
  lexicon = {
    lexicon: new readerDomain.Lexicon(words.map((word) => ({ id: word._id, lemma: word.lemma, pos: word.pos, level: topics.get(word.topicId), plural: word.plural, verb: word.verb }))),
    words: new Map(words.map((word) => [word._id, { ...word, level: topics.get(word.topicId) }])),
  };
  return lexicon;
}

async function userWords(user) {
  const cached = userWordCache.get(user);
  if (cached && cached.at > Date.now() - 30_000) return cached.words;
  const cards = await vocabulary.collection('learning_cards').find({ userId: user, status: 'active' }, { projection: { lemma: 1, wordId: 1, translation: 1, article: 1 } }).toArray();
  const words = { byWordId: new Map(cards.filter((card) => card.wordId).map((card) => [card.wordId, card])) };
  userWordCache.set(user, { at: Date.now(), words });
  return words;
}

app.get('/reader/text', async (request, reply) => {
  const user = request.headers['x-user'];
  // The library text kept 30 s, as Tall keeps its library.
  const cachedText = libraryCache.get(request.query.id);
  const text = cachedText && cachedText.at > Date.now() - 30_000 ? cachedText.text : await reader.collection('reader_texts').findOne({ _id: request.query.id }, { projection: { _outbox: 0 } });
  if (text && cachedText?.text !== text) libraryCache.set(request.query.id, { at: Date.now(), text });
  if (!text) return reply.code(404).send({ code: 'TEXT_NOT_FOUND' });
  const { lexicon: dictionary, words } = await readerLexicon();
  const key = `${text._id}:${text.version}`;
  if (!atomized.has(key)) atomized.set(key, readerDomain.atomizeSections(text.sections, dictionary));
  const atoms = atomized.get(key);
  const own = await userWords(user);
  const keys = new Set();
  for (const paragraph of atoms.paragraphs) for (const sentence of paragraph.sentences) for (const token of sentence.tokens) if (token.kind === 'word') keys.add(readerDomain.stateKey(token));
  // One student document holds their word states and positions (field names escape `%`, `.` and `$`).
  const student = await readerUsers.collection('reader_students').findOne({ _id: user }, { projection: { _id: 0, states: 1, progress: 1 } });
  const field = (name) => name.replace(/%([0-9a-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  const stateOf = new Map(Object.entries(student?.states ?? {}).map(([name, value]) => [field(name), value.state]).filter(([key]) => keys.has(key)));
  const progress = Object.entries(student?.progress ?? {}).find(([name]) => field(name) === text._id)?.[1];
  const glosses = {};
  const paragraphs = atoms.paragraphs.map((paragraph) => ({
    sentences: paragraph.sentences.map((sentence) => ({
      tokens: sentence.tokens.map((token) => {
        if (token.kind !== 'word') return { text: token.text, kind: token.kind };
        const wordId = token.entryId && !token.entryId.startsWith('function:') ? token.entryId : undefined;
        const userWord = wordId ? own.byWordId.get(wordId) : undefined;
        if (wordId && !glosses[wordId]) glosses[wordId] = { lemma: words.get(wordId).lemma, translation: words.get(wordId).translations.en, level: words.get(wordId).level };
        const state = stateOf.get(readerDomain.stateKey(token)) ?? (userWord ? 'learning' : 'new');
        return { text: token.text, kind: token.kind, lemma: token.lemma, wordId, userWordId: userWord?._id, state };
      }),
    })),
  }));
  const stats = readerDomain.readingStats(atoms, (k) => stateOf.get(k) ?? 'new', (id) => words.get(id)?.level ?? null);
  return { id: text._id, title: text.title, paragraphs, stats, glosses, position: progress ? { paragraph: progress.paragraph, sentence: progress.sentence } : null };
});

await app.listen({ port, host: '127.0.0.1' });
process.once('SIGTERM', () => app.close().then(() => Promise.all([pool.end(), mongo.close()])).then(() => process.exit(0)));
