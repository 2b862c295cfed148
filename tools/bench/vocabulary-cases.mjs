// Vocabulary cases of `npm run bench` (BENCH_CASES=vocabulary): a thematic study session and
// today's learning-cards queue, each against the same reads on the bare MongoDB driver
// (tools/bench/baseline-server.mjs). A student with cards in both modules is prepared first.
import { randomUUID } from 'node:crypto';

/** @param ctx {{ tall: { url: string }, baseline: { url: string }, log: (message: string) => void }} */
export async function vocabularyCases({ tall, baseline, log }) {
  const api = async (method, path, token, body) => {
    const response = await fetch(`${tall.url}/api/v1${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  };

  log('vocabulary: a student with thematic cards in one topic and 60 learning cards');
  const registered = await api('POST', '/auth/register', undefined, {
    email: `bench.vocabulary.${randomUUID().slice(0, 8)}@bench.example`,
    password: 'bench vocabulary passphrase 0123',
    firstName: 'Bench',
    lastName: 'Vocabulary',
  });
  const token = registered.accessToken;
  const student = registered.user.id;
  const topics = await api('GET', '/vocabulary/topics', token);
  if (topics.length < 3) throw new Error('the dictionary is not seeded');
  const topic = topics[0].id;

  // Ten words of the topic answered (wrongly: box 1, due again now), the rest still new.
  const session = await api('GET', `/vocabulary/topics/${topic}/session?size=10&mode=recall`, token);
  for (const card of session.cards) {
    await api('POST', '/vocabulary/thematic/reviews', token, {
      reviewId: randomUUID(),
      wordId: card.wordId,
      mode: 'recall',
      answer: 'bench',
      answeredAt: new Date().toISOString(),
      durationMs: 1500,
    });
  }
  // Sixty dictionary words from other topics into the personal dictionary: this week's cohort.
  for (const { id } of topics.slice(1, 3)) {
    const words = await api('GET', `/vocabulary/topics/${id}/words`, token);
    for (const word of words.slice(0, 30)) await api('POST', '/vocabulary/my-words', token, { wordId: word.id });
  }
  const today = await api('GET', '/vocabulary/my-words/today', token);
  if (today.total < 60) throw new Error(`today's queue holds ${today.total} cards, expected 60`);

  const auth = { authorization: `Bearer ${token}` };
  return [
    {
      name: 'vocabulary: GET topics/:id/session (Tall vs bare MongoDB driver)',
      tall: { url: `${tall.url}/api/v1/vocabulary/topics/${topic}/session?size=10&mode=recall`, headers: auth },
      base: { url: `${baseline.url}/vocabulary/session?user=${student}&topic=${encodeURIComponent(topic)}` },
      target: (t, b) => t.rps >= 0.75 * b.rps,
      targetText: '≥ 75% of bare driver req/s',
    },
    {
      name: 'vocabulary: GET my-words/today (Tall vs bare MongoDB driver)',
      tall: { url: `${tall.url}/api/v1/vocabulary/my-words/today`, headers: auth },
      base: { url: `${baseline.url}/vocabulary/today?user=${student}&week=${today.week}` },
      target: (t, b) => t.rps >= 0.75 * b.rps,
      targetText: '≥ 75% of bare driver req/s',
    },
  ];
}
