// Reader case of `npm run bench` (BENCH_CASES=reader): GET /reader/texts/:id with the student's
// word states at 50 concurrent readers, against the same reads and the same token work on the
// bare MongoDB driver (tools/bench/baseline-server.mjs, `/reader/text`). Ten students read the
// longest seed text; each marked words known, ignored a few and saved some to the learning cards.
import { randomUUID } from 'node:crypto';

const READERS = Number(process.env.BENCH_READERS ?? 50);
const STUDENTS = 10;

/** @param ctx {{ tall: { url: string }, baseline: { url: string }, log: (message: string) => void }} */
export async function readerCases({ tall, baseline, log }) {
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

  log(`reader: ${STUDENTS} students with word states and saved words on the longest seed text`);
  const students = [];
  for (let index = 0; index < STUDENTS; index += 1) {
    const registered = await api('POST', '/auth/register', undefined, {
      email: `bench.reader.${index}.${randomUUID().slice(0, 8)}@bench.example`,
      password: 'bench reader passphrase 0123',
      firstName: 'Bench',
      lastName: 'Reader',
    });
    students.push({ id: registered.user.id, token: registered.accessToken });
  }
  const list = await api('GET', '/reader/texts?source=library&level=B1&pageSize=100', students[0].token);
  const longest = [...list.items].sort((a, b) => b.wordCount - a.wordCount)[0];
  const text = await api('GET', `/reader/texts/${longest.id}`, students[0].token);
  const wordIds = [...new Set(text.paragraphs.flatMap((p) => p.sentences.flatMap((s) => s.tokens)).filter((t) => t.wordId).map((t) => t.wordId))];
  for (const [index, student] of students.entries()) {
    for (const wordId of wordIds.slice(index, index + 30)) await api('PUT', '/reader/words/state', student.token, { wordId, state: 'known' });
    for (const lemma of ['de', 'het', 'een']) await api('PUT', '/reader/words/state', student.token, { lemma, state: 'ignored' });
    for (const wordId of wordIds.slice(40 + index, 45 + index)) await api('POST', `/reader/texts/${longest.id}/saved-words`, student.token, { wordId, sentence: 'Een zin uit de tekst.' });
    await api('GET', `/reader/texts/${longest.id}`, student.token);
  }
  log(`reader: "${longest.title}", ${longest.wordCount} words`);

  // Each of the 50 connections reads as one of the ten students.
  let tallClients = 0;
  let baseClients = 0;
  return [
    {
      name: `reader: GET texts/:id with states, ${READERS} readers (Tall vs bare MongoDB driver)`,
      tall: {
        url: `${tall.url}/api/v1/reader/texts/${longest.id}`,
        connections: READERS,
        setupClient: (client) => client.setHeaders({ authorization: `Bearer ${students[tallClients++ % STUDENTS].token}` }),
      },
      base: {
        url: `${baseline.url}/reader/text?id=${encodeURIComponent(longest.id)}`,
        connections: READERS,
        setupClient: (client) => client.setHeaders({ 'x-user': students[baseClients++ % STUDENTS].id }),
      },
      target: (t, b) => t.p99 < 100 && t.rps >= 0.75 * b.rps,
      targetText: 'p99 < 100 ms and ≥ 75% of bare driver req/s',
    },
  ];
}
