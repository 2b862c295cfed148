// `npm run load`: the classroom scenario against the built API on the local stack.
//
// LOAD_CLASSES classes (30) of LOAD_STUDENTS_PER_CLASS students (30), one teacher per class linked
// to its students. Setup goes through the API as an admin would (POST /users, PUT
// /users/:teacher/students/:student; there is no batch route) and gives every student
// LOAD_SEED_WORDS (3) words of their own as learning cards (POST /vocabulary/my-words), all with
// bounded concurrency. Then, for LOAD_DURATION_S seconds (60), autocannon drives three flows
// (classroom-flows.ts) at a classroom's pace — each student acts about once every LOAD_THINK_S
// seconds (5), each teacher refreshes about every LOAD_TEACHER_REFRESH_S seconds (10):
//   thematic sessions (60% of student traffic): GET topics/:id/session, then one POST
//     thematic/reviews per card;
//   learning cards (40%): GET my-words/today and my-words/stats, then up to 10 POST
//     my-words/reviews;
//   teacher dashboards: GET teacher/students, then one student's GET teacher/students/:id/progress.
// Each flow's requests are spread over every second (LOAD_PHASES groups of connections started
// 1/LOAD_PHASES s apart, 20), not sent in one burst at its top: see spreadOverTheSecond().
//
// Measured and reported (also in tmp/load-results.json):
//   latency per route: p50/p95/p99/max of each request, from when autocannon writes it to its
//     parsed answer (exact percentiles over all samples);
//   errors: answers other than 2xx by route and status, and requests without an answer within
//     10 s or on a broken connection (status 0; counted in the latencies at 10 s);
//   event lag: for every thematic.card.reviewed / learning.card.reviewed event of the run, the
//     time from the write (the event's occurredAt) to Kafka having it (the record's timestamp),
//     waiting after the run until Kafka has one per answered review (or a deadline); and the
//     relay's own gauges tall_outbox_relay_lag_seconds / tall_outbox_pending from /metrics (max
//     over sources, sampled every 2 s);
//   API memory: VmRSS of the API process, sampled every second (max and final), and VmHWM;
//   CPU: the API's and each stack server's average CPU during the scenario (where the time went).
// Targets: p95 ≤ 200 ms on every route, 0 errors, RSS < 400 MB. A missed target is reported, not
// an exit code; a run that cannot set up or crashes exits 1.
//
// The API runs with the container's heap cap (LOAD_HEAP_MB, 192; 0 for Node's default), on a
// PostgreSQL and a MongoDB database of its own, dropped afterwards. LOAD_REBUILD=1 compiles the
// API first even when dist/ has it; TALL_API_MAIN=<path to main.js> runs another build (to compare
// two commits on the same stack).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon, { type AutocannonResult } from 'autocannon';
import { ThematicCardReviewed, LearningCardReviewed, VocabularyTopics } from '@tall/vocabulary/contracts';
import { summarize, table, type LatencySummary } from '../chaos/support/latency';
import { stackScript, waitFor, workspaceRoot } from '../chaos/support/local-stack';
import { bootstrapAdmin, call, createAccounts, mapLimit, signIn, type Account } from '../chaos/support/tall-api';
import { ensureBuilt, freshStores, killStartedApps, memoryOf, startTallApp, waitReady } from '../chaos/support/tall-app';
import { cpuSeconds } from '../chaos/support/process-cpu';
import { watchTopics } from '../chaos/support/topic-watch';
import { learningReviewFlow, RouteStats, teacherDashboardFlow, thematicSessionFlow, type Dictionary, type DictionaryWord } from './classroom-flows';

const log = (message: string) => process.stderr.write(`\x1b[33m[load]\x1b[0m ${message}\n`);
const numberFrom = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
};

const TARGETS = { p95Ms: 200, errors: 0, rssMb: 400 };
/** A request without an answer after this long counts as an error (status 0). */
const TIMEOUT_S = 10;
const OPS_TOKEN = `load-ops-token-${Date.now().toString(36)}-0123456789`;

async function main(): Promise<number> {
  const settings = {
    classes: numberFrom('LOAD_CLASSES', 30),
    studentsPerClass: numberFrom('LOAD_STUDENTS_PER_CLASS', 30),
    durationS: numberFrom('LOAD_DURATION_S', 60),
    thinkS: numberFrom('LOAD_THINK_S', 5),
    teacherRefreshS: numberFrom('LOAD_TEACHER_REFRESH_S', 10),
    seedWords: numberFrom('LOAD_SEED_WORDS', 3),
    setupConcurrency: numberFrom('LOAD_SETUP_CONCURRENCY', 8),
    heapMb: numberFrom('LOAD_HEAP_MB', 192),
  };
  const studentCount = settings.classes * settings.studentsPerClass;
  const studentRps = studentCount / Math.max(settings.thinkS, 0.1);
  const rates = {
    thematic: Math.max(1, Math.round(studentRps * 0.6)),
    learning: Math.max(1, Math.round(studentRps * 0.4)),
    teachers: Math.max(1, Math.round((settings.classes * 2) / Math.max(settings.teacherRefreshS, 0.1))),
  };

  const script = stackScript();
  log('local stack: up');
  const stack = await script.up();
  ensureBuilt({ force: process.env['LOAD_REBUILD'] === '1' });
  const stores = await freshStores(stack, 'load');
  const admin = bootstrapAdmin('load');
  const app = await startTallApp({
    stack,
    stores,
    heapMb: settings.heapMb,
    logDirectory: join(workspaceRoot, 'tmp', 'load-logs'),
    // All traffic comes from loopback: the per-IP sign-in limit would throttle the setup.
    env: { ...admin, AUTH_RATE_LIMIT_PER_MINUTE: '1000000', ACCESS_TOKEN_TTL_SECONDS: '3600', OPS_API_TOKEN: OPS_TOKEN },
  });
  process.once('SIGINT', () => {
    killStartedApps();
    process.exit(130);
  });
  try {
    await waitReady(app);
    const adminAccount = await signIn(app.url, admin.ADMIN_EMAIL, admin.ADMIN_PASSWORD);

    // Setup, timed: accounts (argon2id-bound), links, learning cards.
    const setup: Record<string, number> = {};
    const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      const started = Date.now();
      const result = await work();
      setup[name] = Math.round((Date.now() - started) / 100) / 10;
      log(`${name}: ${setup[name]} s`);
      return result;
    };
    log(`setup: ${settings.classes} teachers, ${studentCount} students, ${settings.seedWords} learning cards each`);
    const teachers = await timed('create teachers', () => createAccounts(app.url, adminAccount.token, 'TEACHER', settings.classes, 'load-teacher', settings.setupConcurrency));
    const students = await timed('create students', () => createAccounts(app.url, adminAccount.token, 'STUDENT', studentCount, 'load-student', settings.setupConcurrency));
    const classOf = (index: number) => Math.floor(index / settings.studentsPerClass);
    await timed('link teachers to their classes', () =>
      mapLimit(students, 16, async (student, index) => {
        const answer = await call(app.url, 'PUT', `/users/${teachers[classOf(index)].id}/students/${student.id}`, { token: adminAccount.token });
        if (answer.status !== 204) throw new Error(`linking a student answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      }),
    );
    const dictionary = await timed('read the dictionary', () => readDictionary(app.url, students[0]));
    const seeded = await timed('seed learning cards', () => seedLearningCards(app.url, students, settings.seedWords));
    // The setup's events (accounts, links, cards) must be on Kafka before the measurement starts.
    const setupBacklog = (await relayGauges(app.url)).pending;
    if (!(await timed(`relay: publish the setup's ${setupBacklog} pending events`, () => outboxesEmpty(app.url, setupBacklog)))) {
      log('the setup\'s events are not all published: the measurement starts with a backlog');
    }

    // Observers: event lag from Kafka, the relay's gauge and the API's memory.
    const userIds = new Set(students.map((student) => student.id));
    const types = new Set<string>([ThematicCardReviewed.type, LearningCardReviewed.type]);
    let scenarioStart = Number.POSITIVE_INFINITY;
    const watch = await watchTopics(stack.KAFKA_BROKERS.split(','), [VocabularyTopics.thematicCards, VocabularyTopics.learningCards], (arrival) =>
      types.has(arrival.type) && userIds.has(String(arrival.payload['userId'])) && Date.parse(arrival.occurredAt) >= scenarioStart,
    );
    const memory = { maxRssMb: 0, finalRssMb: 0, peakMb: 0 };
    // Samples of /metrics that did not answer in time are counted, not read as zeros.
    const relay = { maxLagSeconds: 0, maxPending: 0, samples: 0, missed: 0, maxLoopLagMs: 0 };
    const events = { expected: 0, arrived: 0 };
    const sampleMemory = setInterval(() => {
      const now = memoryOf(app.pid());
      if (!now) return;
      memory.maxRssMb = Math.max(memory.maxRssMb, now.rssMb);
      memory.finalRssMb = now.rssMb;
      memory.peakMb = now.peakMb;
    }, 1_000);
    const sampleRelay = setInterval(() => {
      relayGauges(app.url).then(
        (gauges) => {
          relay.samples += 1;
          relay.maxLagSeconds = Math.max(relay.maxLagSeconds, gauges.lagSeconds);
          relay.maxPending = Math.max(relay.maxPending, gauges.pending);
          relay.maxLoopLagMs = Math.max(relay.maxLoopLagMs, Math.round(gauges.loopLagP99Seconds * 1000));
        },
        () => {
          relay.missed += 1; // /metrics did not answer within 5 s under load
        },
      );
    }, 2_000);

    const stats = new RouteStats(TIMEOUT_S * 1000);
    const teacherActors = teachers.map(({ id, token }) => ({ id, token }));
    const studentActors = students.map(({ id, token }) => ({ id, token }));
    log(`scenario: ${settings.durationS} s; thematic ${rates.thematic} req/s, learning cards ${rates.learning} req/s, teachers ${rates.teachers} req/s`);
    // CPU used during the scenario by the API and by each server of the stack: where the time went.
    const processes = [
      { name: 'API', pid: app.pid(), children: false },
      // This process: autocannon, the Kafka watcher and the samplers share the machine with the rest.
      { name: 'load generator', pid: process.pid, children: false },
      ...(await script.status()).filter((entry) => entry.pid !== null).map((entry) => ({ name: entry.service, pid: entry.pid as number, children: entry.service === 'postgres' })),
    ];
    const cpuBefore = processes.map((watched) => cpuSeconds(watched.pid, watched));
    scenarioStart = Date.now();
    const common = { url: app.url, duration: settings.durationS, timeout: TIMEOUT_S };
    const results = (
      await Promise.all([
        spreadOverTheSecond(common, rates.thematic, thematicSessionFlow(studentActors, dictionary, stats)),
        spreadOverTheSecond(common, rates.learning, learningReviewFlow(studentActors, stats)),
        spreadOverTheSecond(common, rates.teachers, teacherDashboardFlow(teacherActors, stats)),
      ])
    ).flat();
    const scenarioEnd = Date.now();
    stats.settle();
    // The API's own view: its request-duration histograms, for telling time in the API from time in the generator.
    const serverMetrics = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${OPS_TOKEN}` }, signal: AbortSignal.timeout(5_000) })
      .then((response) => response.text())
      .catch(() => '');
    const cpu = Object.fromEntries(
      processes.map((watched, index) => [watched.name, Math.round(((cpuSeconds(watched.pid, watched) - cpuBefore[index]) / ((scenarioEnd - scenarioStart) / 1000)) * 100)]),
    );
    // Every answered review publishes one event: wait (bounded, scaled by what is missing) until
    // Kafka has them all, counted from Kafka itself rather than from the relay's gauges.
    const expected = answered(stats, 'POST /vocabulary/thematic/reviews') + answered(stats, 'POST /vocabulary/my-words/reviews');
    const missingAtEnd = Math.max(0, expected - watch.arrivals.length);
    await waitFor(() => watch.arrivals.length >= expected, { timeoutMs: Math.min(300_000, 30_000 + missingAtEnd * 100), intervalMs: 250, what: 'the run\'s events' }).catch(() =>
      log(`${expected - watch.arrivals.length} of ${expected} events not on Kafka by the deadline: their lag is not counted`),
    );
    events.expected = expected;
    events.arrived = watch.arrivals.length;
    clearInterval(sampleMemory);
    clearInterval(sampleRelay);
    await watch.close();

    const report = buildReport({
      settings,
      rates,
      setup,
      seeded,
      stats,
      results,
      lags: watch.arrivals.map((arrival) => arrival.producedAt - Date.parse(arrival.occurredAt)),
      relay,
      events,
      memory,
      cpu,
      seconds: (scenarioEnd - scenarioStart) / 1000,
    });
    process.stdout.write(report.text);
    mkdirSync(join(workspaceRoot, 'tmp'), { recursive: true });
    writeFileSync(join(workspaceRoot, 'tmp', 'load-results.json'), JSON.stringify({ at: new Date().toISOString(), ...report.json }, null, 2));
    writeFileSync(join(workspaceRoot, 'tmp', 'load-metrics.txt'), serverMetrics);
    log('results in tmp/load-results.json');
    return 0;
  } finally {
    await app.stop();
    await stores.drop().catch((error: unknown) => log(`could not drop the run's stores: ${String(error)}`));
  }
}

async function readDictionary(url: string, student: Account): Promise<Dictionary> {
  const topics = await call(url, 'GET', '/vocabulary/topics', { token: student.token });
  if (topics.status !== 200 || !topics.body.length) throw new Error(`the dictionary answered ${topics.status} with ${topics.body?.length ?? 0} topics`);
  const words = new Map<string, DictionaryWord>();
  for (const topic of topics.body as Array<{ id: string }>) {
    const answer = await call(url, 'GET', `/vocabulary/topics/${topic.id}/words`, { token: student.token });
    for (const word of answer.body as DictionaryWord[]) words.set(word.id, word);
  }
  return { topicIds: (topics.body as Array<{ id: string; wordCount: number }>).filter((topic) => topic.wordCount > 0).map((topic) => topic.id), words };
}

/**
 * Each student adds `count` words of their own: learning cards due from now. Own words rather than
 * dictionary words: the same cards to review, and the cheaper write (no dictionary lookup), so the
 * setup does not dominate the run.
 */
async function seedLearningCards(url: string, students: Account[], count: number): Promise<number> {
  const cards = students.flatMap((student) => [...Array(count).keys()].map((index) => ({ student, index })));
  await mapLimit(cards, 16, async ({ student, index }) => {
    const answer = await call(url, 'POST', '/vocabulary/my-words', { token: student.token, body: { lemma: `lastwoord ${index + 1}`, translation: `load word ${index + 1}` } });
    if (answer.status !== 201 && answer.status !== 409) throw new Error(`adding a learning card answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  });
  return cards.length;
}

/** Answers with a 2xx status on one route. */
function answered(stats: RouteStats, route: string): number {
  return Object.entries(stats.statuses.get(route) ?? {}).reduce((sum, [status, count]) => sum + (status.startsWith('2') ? count : 0), 0);
}

/** Start offsets per second: a flow's connections start in this many groups (LOAD_PHASES). */
const PHASES = numberFrom('LOAD_PHASES', 20);

/**
 * autocannon paces a rated connection with its own one-second timer, started with the connection:
 * connections started together send together, so a flow of N connections at one request a second
 * each arrived as one burst of N at the top of every second (the whole classroom answering in the
 * same millisecond), and the later requests of a burst waited for the earlier ones. Students do not
 * act in step. The flow's connections are started in PHASES groups spread over the first second,
 * sharing one request list (so one rotation of students), which spreads the same rate over the
 * second as a classroom's own rhythm would.
 */
async function spreadOverTheSecond(
  common: { url: string; duration: number; timeout: number },
  rate: number,
  requests: Parameters<typeof autocannon>[0]['requests'],
): Promise<AutocannonResult[]> {
  const groups = Math.max(1, Math.min(PHASES, rate));
  const sizes = [...Array(groups).keys()].map((group) => Math.floor(rate / groups) + (group < rate % groups ? 1 : 0));
  return Promise.all(
    sizes.map(async (connections, group) => {
      const offsetMs = Math.round((group * 1000) / groups);
      await new Promise((resolve) => setTimeout(resolve, offsetMs));
      return autocannon({ ...common, duration: Math.max(1, common.duration - offsetMs / 1000), overallRate: connections, connections, requests });
    }),
  );
}

/** Waits until every outbox is empty, as long as `backlog` events may reasonably take (30 s + 100 ms each, at most 5 min). */
async function outboxesEmpty(url: string, backlog: number): Promise<boolean> {
  const timeoutMs = Math.min(300_000, 30_000 + backlog * 100);
  return waitFor(async () => (await relayGauges(url)).pending === 0, { timeoutMs, intervalMs: 250, what: 'empty outboxes' }).then(
    () => true,
    () => false,
  );
}

/** The relay's gauges on /metrics: the oldest unpublished event's age and the pending events, over all outboxes. */
async function relayGauges(url: string): Promise<{ lagSeconds: number; pending: number; loopLagP99Seconds: number }> {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${OPS_TOKEN}` }, signal: AbortSignal.timeout(5_000) });
  const text = await response.text();
  const values = (name: string) => [...text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))].map((match) => Number(match[1]));
  return {
    lagSeconds: Math.max(0, ...values('tall_outbox_relay_lag_seconds')),
    pending: values('tall_outbox_pending').reduce((sum, value) => sum + value, 0),
    // prom-client's default metrics: how late the API's event loop ran its timers (p99 since the last scrape).
    loopLagP99Seconds: Math.max(0, ...values('nodejs_eventloop_lag_p99_seconds')),
  };
}

interface ReportInput {
  settings: Record<string, number>;
  rates: Record<string, number>;
  setup: Record<string, number>;
  seeded: number;
  stats: RouteStats;
  results: AutocannonResult[];
  lags: number[];
  relay: { maxLagSeconds: number; maxPending: number; samples: number; missed: number; maxLoopLagMs: number };
  /** Events the answered reviews published, and how many of them reached Kafka by the deadline. */
  events: { expected: number; arrived: number };
  memory: { maxRssMb: number; finalRssMb: number; peakMb: number };
  /** Average CPU during the scenario, % of one core, per process. */
  cpu: Record<string, number>;
  seconds: number;
}

function buildReport({ settings, rates, setup, seeded, stats, results, lags, relay, events, memory, cpu, seconds }: ReportInput) {
  const routes = [...stats.latencies.keys()].sort().map((route) => {
    const statuses = stats.statuses.get(route) ?? {};
    const errors = Object.fromEntries(Object.entries(statuses).filter(([status]) => !status.startsWith('2')));
    return { route, ...summarize(stats.latencies.get(route) ?? []), errors };
  });
  const all: LatencySummary = summarize([...stats.latencies.values()].flat());
  // Per route, status 0 is a request without an answer (autocannon's timeout or connection error);
  // autocannon's own counts of those are kept alongside.
  const connectionErrors = results.reduce((sum, result) => sum + result.errors, 0);
  const timeouts = results.reduce((sum, result) => sum + result.timeouts, 0);
  const count = (route: (typeof routes)[number], answered: boolean) =>
    Object.entries(route.errors).reduce((n, [status, times]) => n + ((status !== '0') === answered ? times : 0), 0);
  const non2xx = routes.reduce((sum, route) => sum + count(route, true), 0);
  const unanswered = routes.reduce((sum, route) => sum + count(route, false), 0);
  const errors = non2xx + unanswered;
  const eventLag = summarize(lags);
  const worstP95 = Math.max(0, ...routes.map((route) => route.p95 ?? 0));
  const targets = [
    { name: `p95 ≤ ${TARGETS.p95Ms} ms on every route`, met: routes.every((route) => (route.p95 ?? 0) <= TARGETS.p95Ms), value: `worst ${worstP95} ms` },
    { name: 'errors = 0', met: errors === TARGETS.errors, value: `${errors} (${non2xx} non-2xx, ${unanswered} without an answer)` },
    { name: `API RSS < ${TARGETS.rssMb} MB`, met: memory.maxRssMb < TARGETS.rssMb, value: `max ${memory.maxRssMb} MB, final ${memory.finalRssMb} MB` },
  ];
  const ms = (value: number | null) => (value === null ? '—' : String(value));
  const text =
    `\nClassroom load — ${new Date().toISOString()} — ${settings['classes']} classes × ${settings['studentsPerClass']} students, ${settings['classes']} teachers, ${seconds.toFixed(0)} s` +
    ` (thematic ${rates['thematic']} + learning ${rates['learning']} + teachers ${rates['teachers']} req/s offered)\n` +
    `setup: ${Object.entries(setup).map(([step, s]) => `${step} ${s} s`).join(', ')}; ${seeded} learning cards seeded\n\n` +
    table(
      ['route', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors by status'],
      [
        ...routes.map((route) => [route.route, String(route.count), ms(route.p50), ms(route.p95), ms(route.p99), ms(route.max), Object.keys(route.errors).length ? JSON.stringify(route.errors) : '0']),
        ['all', String(all.count), ms(all.p50), ms(all.p95), ms(all.p99), ms(all.max), `${non2xx} non-2xx, ${unanswered} without an answer`],
      ],
    ) +
    `\n\nstatus 0 = no answer within ${TIMEOUT_S} s or a broken connection (counted at ${TIMEOUT_S} s); autocannon counted ${timeouts} timeouts and ${connectionErrors - timeouts} other connection errors\n` +
    `throughput: ${((all.count - unanswered) / seconds).toFixed(1)} req/s answered\n` +
    `event lag (write → on Kafka), ${eventLag.count} events: p50 ${ms(eventLag.p50)} ms, p95 ${ms(eventLag.p95)} ms, p99 ${ms(eventLag.p99)} ms, max ${ms(eventLag.max)} ms; ` +
    `${events.arrived} of the ${events.expected} events of the answered reviews on Kafka by the deadline; ` +
    `relay gauges (${relay.samples} samples of /metrics, ${relay.missed} without an answer in 5 s): tall_outbox_relay_lag_seconds max ${relay.maxLagSeconds} s, tall_outbox_pending max ${relay.maxPending}; API event loop lag p99 max ${relay.maxLoopLagMs} ms\n` +
    `API memory: RSS max ${memory.maxRssMb} MB, final ${memory.finalRssMb} MB, kernel peak (VmHWM) ${memory.peakMb} MB (heap cap ${settings['heapMb'] || 'none'} MB)\n` +
    `CPU during the scenario (% of one core; the machine has its other users too): ${Object.entries(cpu).map(([name, percent]) => `${name} ${percent}%`).join(', ')}\n\n` +
    `Targets\n\n${table(['target', 'met', 'value'], targets.map((target) => [target.name, target.met ? 'PASS' : 'FAIL', target.value]))}\n`;
  return {
    text,
    json: { settings, rates, setupSeconds: setup, seededCards: seeded, seconds, routes, all, errors: { total: errors, non2xx, unanswered, autocannon: { connectionErrors, timeouts } }, eventLagMs: eventLag, events, relay, memory, cpuPercent: cpu, targets },
  };
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    killStartedApps();
    process.exit(1);
  },
);
