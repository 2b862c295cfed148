// Progress cases of `npm run bench` (BENCH_CASES=progress): the teacher dashboard for a teacher
// with 40 students and for an EDU_ADMIN over 5,000 students (paged), and the time a progress
// process takes to consume 50,000 review events from Kafka. No bare baseline: absolute targets.
import { randomUUID } from 'node:crypto';

const DAY_MS = 86_400_000;

/** ISO week of now in Amsterdam, as vocabulary and progress name it (`2026-W48`). */
function amsterdamWeek(now = new Date()) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(now).map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
  const weekday = ((new Date(local).getUTCDay() + 6) % 7) + 1;
  const thursday = new Date(local + (4 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  return `${year}-W${String(Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1).padStart(2, '0')}`;
}

async function waitUntil(what, probe, timeoutMs = 120_000, intervalMs = 250) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * @param ctx { tall, tallInternalUrl, common, databaseUrl, kafkaBrokers, admin: {email, password}, pg, kafkajs, load, summarize, log,
 *              rounds, startProcess, freePort, resetPeakRss, peakRssMb }
 */
export async function progressCases(ctx) {
  const { tall, pg, log } = ctx;
  const json = { 'content-type': 'application/json' };
  const api = async (method, path, token, body) => {
    const response = await fetch(`${tall.url}/api/v1${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? json : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const signIn = async (email, password) => (await api('POST', '/auth/login', undefined, { email, password })).accessToken;
  const password = 'bench progress passphrase 0123';
  const account = async (adminToken, role, label) => {
    const email = `bench.${label}.${randomUUID().slice(0, 8)}@bench.example`;
    const created = await api('POST', '/users', adminToken, { email, role, firstName: 'Bench', lastName: label, password });
    return { id: created.id, email };
  };

  log('progress: accounts, 40 linked students, 5,000 students in the read model');
  const adminToken = await signIn(ctx.admin.email, ctx.admin.password);
  const teacher = await account(adminToken, 'TEACHER', 'teacher');
  const eduAdmin = await account(adminToken, 'EDU_ADMIN', 'edu-admin');
  const students = [];
  for (let index = 0; index < 40; index++) students.push(await account(adminToken, 'STUDENT', `student-${index}`));
  for (const student of students) await api('PUT', `/users/${teacher.id}/students/${student.id}`, adminToken);
  const db = new pg.Client({ connectionString: ctx.databaseUrl });
  await db.connect();
  const week = amsterdamWeek();
  try {
    await waitUntil('the links to reach progress', async () => (await db.query('SELECT count(*)::int AS n FROM progress.teacher_students WHERE teacher_id = $1', [teacher.id])).rows[0].n === 40);
    // Counters as the projection would leave them after a term of use: a read benchmark, so seeded directly.
    const activity = `
      first_active_at = now() - make_interval(days => 60 + (random() * 30)::int),
      last_active_at = now() - make_interval(mins => (random() * 60 * 24 * 14)::int),
      days_active = 5 + (random() * 50)::int, run_end_day = current_date - (random() * 4)::int, run_length = 1 + (random() * 12)::int,
      reviews_total = 200 + (random() * 2000)::int, thematic_reviews = 150, learning_reviews = 50,
      words_seen = 40 + (random() * 400)::int, words_mastered = (random() * 40)::int`;
    await db.query(`UPDATE progress.users SET ${activity} WHERE user_id = ANY($1::uuid[])`, [students.map((s) => s.id)]);
    await db.query(`INSERT INTO progress.users (user_id, role, registered_at) SELECT gen_random_uuid(), 'STUDENT', now() - interval '100 days' FROM generate_series(1, ${5_000 - 40})`);
    await db.query(`UPDATE progress.users SET ${activity} WHERE role = 'STUDENT' AND last_active_at IS NULL AND random() < 0.9`);
    await db.query(`UPDATE progress.users SET reviews_correct = (reviews_total * (0.5 + random() * 0.5))::int WHERE role = 'STUDENT'`);
    await db.query(
      `INSERT INTO progress.weekly_mastery (user_id, week, gained, lost)
       SELECT user_id, $1, (random() * 15)::int, (random() * 3)::int FROM progress.users WHERE role = 'STUDENT' AND random() < 0.6 ON CONFLICT DO NOTHING`,
      [week],
    );
    await db.query('ANALYZE progress.users; ANALYZE progress.weekly_mastery; ANALYZE progress.teacher_students');
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM progress.users WHERE role = 'STUDENT'`);
    if (rows[0].n < 5_000) throw new Error(`expected 5,000 students in the read model, found ${rows[0].n}`);
  } finally {
    await db.end();
  }
  const teacherToken = await signIn(teacher.email, password);
  const adminViewToken = await signIn(eduAdmin.email, password);

  const results = [];
  const httpCases = [
    {
      name: 'progress: GET /teacher/students, teacher with 40 students (names from pii)',
      url: `${tall.url}/api/v1/teacher/students?sort=streak&pageSize=50`,
      token: teacherToken,
    },
    {
      name: 'progress: GET /teacher/students, EDU_ADMIN over 5,000 students (page 40 of 50)',
      url: `${tall.url}/api/v1/teacher/students?sort=lastActive&order=desc&page=40&pageSize=50`,
      token: adminViewToken,
    },
  ];
  for (const benchCase of httpCases) {
    ctx.resetPeakRss(tall.child.pid);
    const options = { headers: { authorization: `Bearer ${benchCase.token}` } };
    log(`${benchCase.name}: warm-up`);
    await ctx.load(benchCase.url, { ...options, duration: 2 });
    const runs = [];
    for (let round = 0; round < ctx.rounds; round += 1) runs.push(ctx.summarize(await ctx.load(benchCase.url, options)));
    const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
    const t = { rps: median(runs.map((r) => r.rps)), p99: median(runs.map((r) => r.p99)), errors: runs.reduce((n, r) => n + r.errors, 0) };
    results.push({ name: benchCase.name, tall: t, base: null, met: t.p99 <= 250 && t.errors === 0, targetText: 'p99 ≤ 250 ms (the lobby’s interactive target), no errors', peakRssMb: ctx.peakRssMb(tall.child.pid) });
  }

  results.push(await consumeReviews(ctx));
  return results;
}

/** A progress process of its own (MODULES=progress) consumes 50,000 thematic reviews produced to Kafka as a relay would. */
async function consumeReviews(ctx) {
  const { pg, kafkajs, log } = ctx;
  const EVENTS = Number(process.env.BENCH_PROGRESS_EVENTS ?? 50_000);
  const STUDENTS = 500;
  const port = await ctx.freePort();
  // Calls between processes go to the bench host's internal listener, and this process needs one of its own.
  const internalPort = await ctx.freePort();
  const others = ['system', 'profile', 'pii', 'lobby', 'vocabulary'].map((name) => `${name}=${ctx.tallInternalUrl}`).join(',');
  log('progress: starting a progress-only process fed from Kafka');
  const consumer = await ctx.startProcess('Tall (progress only)', [`--max-old-space-size=${process.env.BENCH_HEAP_MB ?? '192'}`, 'dist/api/apps/api/src/main.js'], {
    ...ctx.common,
    PORT: String(port),
    HOST: '127.0.0.1',
    INTERNAL_PORT: String(internalPort),
    MODULES: 'progress',
    MODULE_URLS: others,
    CRON_ENABLED: 'false',
    READY_PATH: '/health/ready',
  });
  const kafka = new kafkajs.Kafka({ clientId: 'bench-progress', brokers: ctx.kafkaBrokers, logLevel: kafkajs.logLevel.NOTHING });
  const admin = kafka.admin();
  const producer = kafka.producer({ createPartitioner: kafkajs.Partitioners.DefaultPartitioner });
  const db = new pg.Client({ connectionString: ctx.databaseUrl });
  await Promise.all([admin.connect(), producer.connect(), db.connect()]);
  try {
    const topics = ['user.events.v2', 'vocab.cards.v1', 'vocab.progress.v1', 'learning.cards.v1', 'learning.schedule.v1'];
    log('progress: waiting for the consumer group to catch up with earlier events');
    await waitUntil(
      'the tall.progress consumer group to catch up',
      async () => {
        for (const topic of topics) {
          const ends = await admin.fetchTopicOffsets(topic);
          const [committed] = await admin.fetchOffsets({ groupId: 'tall.progress', topics: [topic] });
          for (const end of ends) {
            const offset = Number(committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
            if (Number(end.high) > Number(end.low) && offset < Number(end.high)) return false;
          }
        }
        return true;
      },
      600_000,
      1_000,
    );
    const students = Array.from({ length: STUDENTS }, () => randomUUID());
    const perStudent = Math.ceil(EVENTS / STUDENTS);
    const messages = [];
    const start = Date.now() - 30 * 86_400_000;
    for (let review = 0; review < perStudent; review++) {
      for (const userId of students) {
        if (messages.length >= EVENTS) break;
        const answeredAt = new Date(start + review * (30 * 86_400_000 / perStudent)).toISOString();
        const envelope = {
          id: randomUUID(),
          type: 'thematic.card.reviewed',
          version: 1,
          topic: 'vocab.cards.v1',
          key: userId,
          occurredAt: answeredAt,
          correlationId: 'bench-progress',
          causationId: null,
          actorId: userId,
          payload: {
            userId, reviewId: randomUUID(), topicId: `topic-${review % 5}`, wordId: `word-${review % 60}`, mode: 'recall', correct: review % 4 !== 0,
            fromBox: 1, toBox: 2 + (review % 4), mastered: review % 4 === 3, dueAt: answeredAt, answeredAt, durationMs: 1500,
          },
        };
        messages.push({ key: userId, value: JSON.stringify(envelope), headers: { 'event-id': envelope.id, 'event-type': envelope.type, 'event-version': '1', 'correlation-id': 'bench-progress' } });
      }
    }
    log(`progress: producing ${messages.length} review events for ${STUDENTS} students and timing their consumption`);
    const started = Date.now();
    for (let offset = 0; offset < messages.length; offset += 2_000) {
      await producer.send({ topic: 'vocab.cards.v1', acks: -1, messages: messages.slice(offset, offset + 2_000) });
    }
    const produced = Date.now();
    await waitUntil(
      `${messages.length} reviews applied`,
      async () => Number((await db.query('SELECT coalesce(sum(thematic_reviews), 0) AS n FROM progress.users WHERE user_id = ANY($1::uuid[])', [students])).rows[0].n) >= messages.length,
      300_000,
      200,
    );
    const seconds = (Date.now() - started) / 1000;
    log(`progress: ${messages.length} events produced in ${((produced - started) / 1000).toFixed(1)} s, all applied after ${seconds.toFixed(1)} s`);
    return {
      name: `progress: consume ${messages.length.toLocaleString('en')} review events from Kafka (own process)`,
      tall: { rps: Math.round(messages.length / seconds), p99: '—', errors: 0 },
      base: null,
      met: seconds < 60,
      targetText: `< 60 s in all (took ${seconds.toFixed(1)} s; req/s column = events/s)`,
      peakRssMb: ctx.peakRssMb(consumer.child.pid),
    };
  } finally {
    await Promise.all([producer.disconnect(), admin.disconnect(), db.end()]).catch(() => undefined);
    consumer.child.kill('SIGTERM');
  }
}
