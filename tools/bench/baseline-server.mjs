// The baseline of `npm run bench`: bare Fastify and bare pg doing the same work as Tall's routes,
// without Nest, validation, versioning, metrics or the outbox. Ratios are Tall / baseline.
import { createHash, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';
import Fastify from 'fastify';
import pg from 'pg';

const port = Number(process.env.PORT);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const expected = createHash('sha256').update(process.env.OPS_API_TOKEN ?? '').digest();
const info = JSON.parse(process.env.BASELINE_INFO ?? '{}');

const app = Fastify({ logger: false, bodyLimit: 1_048_576 });

app.get('/info', async () => info);

app.get('/runs', async (request, reply) => {
  const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
  if (!timingSafeEqual(createHash('sha256').update(token).digest(), expected)) return reply.code(401).send({ code: 'UNAUTHENTICATED' });
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

await app.listen({ port, host: '127.0.0.1' });
process.once('SIGTERM', () => app.close().then(() => pool.end()).then(() => process.exit(0)));
