// The chaos drills, shared by `npm run chaos` (tools/chaos/main.ts) and the outage spec
// (broker-drill.outage.spec.ts). Each drill starts the built API on stores of its own, creates
// its writers (students) through the admin API, and runs a paced burst of "add my own word"
// writes (`POST /api/v1/vocabulary/my-words`), each writer sequentially, while it breaks
// something once the first quarter of the writes is acknowledged:
//
//   broker    Kafka stopped for CHAOS_OUTAGE_MS (default 20 s), then started again. Writes keep
//             working (the event waits in the document's outbox); the relay must catch up.
//   sigkill   the API process killed with SIGKILL, then started again on the same port and stores.
//   postgres  PostgreSQL restarted (stop, start). FerretDB keeps its data there, so the MongoDB
//             side is briefly down too.
//   mongo     the MongoDB-wire server (FerretDB) restarted.
//
// A write that gets no answer, a 5xx or a 429 is retried by its writer (backoff up to 2 s) until
// acknowledged or WRITE_DEADLINE_MS passes (the writer then abandons its remaining writes: the
// app did not recover); a retry answered 409 LEARNING_WORD_EXISTS is the acknowledgement of an
// earlier attempt that was applied but not answered. Every
// `learning.word.added` event of the run's students is read from Kafka (learning.cards.v1, key =
// student) by a watcher that survives the outage. After the burst the drill waits for the
// backlog (deadline scaling with it), reads every student's word list and progress record, and
// computes the metrics defined in drill-analysis.ts.
import { LearningWordAdded, VocabularyTopics } from '@tall/vocabulary/contracts';
import { waitFor, type StackEnv } from './support/local-stack';
import { analyseDrill, type DrillMetrics, type StudentEffects, type WriteRecord } from './drill-analysis';
import { bootstrapAdmin, call, createAccounts, mapLimit, signIn, type Account } from './support/tall-api';
import { freshStores, startTallApp, waitReady, type TallApp } from './support/tall-app';
import { watchTopics, type TopicWatch } from './support/topic-watch';

export const DRILLS = {
  1: { kind: 'broker', title: 'Kafka down during the burst' },
  2: { kind: 'sigkill', title: 'API SIGKILLed mid-burst, restarted' },
  3: { kind: 'postgres', title: 'PostgreSQL restarted (FerretDB backend too)' },
  4: { kind: 'mongo', title: 'MongoDB-wire server (FerretDB) restarted' },
} as const;
export type DrillNumber = keyof typeof DRILLS;
export type DrillKind = (typeof DRILLS)[DrillNumber]['kind'];

export interface DrillOptions {
  /** Writes in the burst, over all writers. */
  writes: number;
  writers: number;
  /** How long the broker stays down (broker drill). */
  outageMs: number;
  /** Pause between stop and start (database drills); 0 = restart at once. */
  restartPauseMs: number;
  /** Writes per second over all writers: the burst is paced so the outage falls inside it. */
  rate: number;
  /** Share of the writes acknowledged before the disruption starts. */
  disruptAfter: number;
  log: (message: string) => void;
}

/** The servers of the stack a drill may stop: stack.mjs's stop/start, for whichever stack the run was given. */
export interface StackControl {
  stop(service: string): Promise<void>;
  start(service: string): Promise<void>;
}

export interface Target {
  name: string;
  met: boolean;
  value: string;
}

export interface DrillResult {
  drill: DrillNumber;
  kind: DrillKind;
  title: string;
  options: Omit<DrillOptions, 'log'>;
  /**
   * Milliseconds from the start of the burst: the disruption began, the server (or the app)
   * answered again, the app was ready, the last write was answered, the backlog had drained, every
   * acknowledged event was on Kafka (null: not by the deadline).
   */
  timeline: { disruptedAt: number; recoveredAt: number; readyAt: number | null; writesDoneAt: number; backlogDrainedAt: number | null; allArrivedAt: number | null };
  metrics: DrillMetrics;
  targets: Target[];
}

const ATTEMPT_TIMEOUT_MS = 10_000;
const WRITE_DEADLINE_MS = 60_000;
/** Waiting for the backlog: this much, plus a little per event still missing. */
const DRAIN_WAIT_BASE_MS = 60_000;
const DRAIN_WAIT_PER_EVENT_MS = 50;

/** Default pace: the burst lasts about three outages, so the outage and the drain fall inside it. */
export function defaultRate(writes: number, outageMs: number): number {
  return Math.max(10, Math.round(writes / Math.max(3 * (outageMs / 1000), 10)));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runDrill(drill: DrillNumber, options: DrillOptions, stack: StackEnv, control: StackControl): Promise<DrillResult> {
  const { kind, title } = DRILLS[drill];
  const log = (message: string) => options.log(`drill ${drill} (${kind}): ${message}`);
  const stores = await freshStores(stack, `chaos_${kind}`);
  const admin = bootstrapAdmin(`chaos-${kind}`);
  let app: TallApp | undefined;
  let watch: TopicWatch | undefined;
  let stopped: string | undefined;
  try {
    app = await startTallApp({
      stack,
      stores,
      env: { ...admin, AUTH_RATE_LIMIT_PER_MINUTE: '1000000', ACCESS_TOKEN_TTL_SECONDS: '3600' },
    });
    await waitReady(app);
    const adminAccount = await signIn(app.url, admin.ADMIN_EMAIL, admin.ADMIN_PASSWORD);
    log(`creating ${options.writers} students`);
    const students = await createAccounts(app.url, adminAccount.token, 'STUDENT', options.writers, `chaos-${kind}`);
    const userIds = new Set(students.map((student) => student.id));
    watch = await watchTopics(stack.KAFKA_BROKERS.split(','), [VocabularyTopics.learningCards], (arrival) =>
      arrival.type === LearningWordAdded.type && userIds.has(String(arrival.payload['userId'])),
    );

    const burst = new Burst(app.url, students, options);
    const started = Date.now();
    log(`burst: ${options.writes} writes by ${options.writers} writers at ${options.rate}/s`);
    const writing = burst.run();
    await waitFor(() => burst.acknowledged >= options.writes * options.disruptAfter || burst.finished, {
      timeoutMs: WRITE_DEADLINE_MS + (options.writes / options.rate) * 1000,
      intervalMs: 20,
      what: 'the first writes to be acknowledged',
    });

    const disruptedAt = Date.now();
    const running = app;
    const service = { broker: 'kafka', postgres: 'postgres', mongo: 'mongo', sigkill: undefined }[kind];
    if (service) {
      log(`stopping ${service} after ${burst.acknowledged} acknowledged writes`);
      stopped = service;
      await control.stop(service);
      await sleep(kind === 'broker' ? options.outageMs : options.restartPauseMs);
      await control.start(service);
      stopped = undefined;
    } else {
      log(`SIGKILL of the API (pid ${running.pid()}) after ${burst.acknowledged} acknowledged writes`);
      await running.kill();
      await running.restart();
    }
    const recoveredAt = Date.now();
    log(`recovered after ${((recoveredAt - disruptedAt) / 1000).toFixed(1)} s`);
    const readyAt = await waitReady(running).then(
      () => Date.now(),
      () => null,
    );

    await writing;
    const writesDoneAt = Date.now();
    const acknowledged = burst.writes.filter((write) => write.userWordId !== undefined);
    const arrivedWords = () => new Set(watch?.arrivals.map((arrival) => String(arrival.payload['userWordId'])));
    const missing = () => {
      const arrived = arrivedWords();
      return acknowledged.filter((write) => !arrived.has(write.userWordId as string)).length;
    };
    const backlog = missing();
    log(`burst done: ${acknowledged.length} acknowledged; ${backlog} events not on Kafka yet`);
    const allArrivedAt = await waitFor(() => missing() === 0 && Date.now(), {
      timeoutMs: DRAIN_WAIT_BASE_MS + backlog * DRAIN_WAIT_PER_EVENT_MS,
      intervalMs: 100,
      what: 'every acknowledged event on Kafka',
    }).catch(() => null);
    if (allArrivedAt === null) log(`${missing()} acknowledged events still missing at the deadline`);

    log('reading word lists and progress records');
    const effects = await studentEffects(running.url, students);
    const metrics = analyseDrill({ planned: options.writes, writes: burst.writes, arrivals: watch.arrivals, recoveredAt, effects });
    const at = (time: number | null) => (time === null ? null : time - started);
    return {
      drill,
      kind,
      title,
      options: { writes: options.writes, writers: options.writers, outageMs: options.outageMs, restartPauseMs: options.restartPauseMs, rate: options.rate, disruptAfter: options.disruptAfter },
      timeline: {
        disruptedAt: disruptedAt - started,
        recoveredAt: recoveredAt - started,
        readyAt: at(readyAt),
        writesDoneAt: writesDoneAt - started,
        backlogDrainedAt: metrics.drainMs === null ? null : recoveredAt + metrics.drainMs - started,
        allArrivedAt: at(allArrivedAt),
      },
      metrics,
      targets: targetsOf(kind, metrics),
    };
  } finally {
    // Never leave a server of the stack down.
    if (stopped) await control.start(stopped).catch((error: unknown) => log(`could not start ${stopped} again: ${String(error)}`));
    await watch?.close();
    await app?.stop();
    await stores.drop().catch((error: unknown) => log(`could not drop the drill's stores: ${String(error)}`));
  }
}

/** The targets of the drills that have them (README of the drills: broker and SIGKILL). */
export function targetsOf(kind: DrillKind, metrics: DrillMetrics): Target[] {
  const zero = (name: string, value: number): Target => ({ name: `${name} = 0`, met: value === 0, value: String(value) });
  if (kind === 'broker') {
    const p99 = metrics.writeLatencyDuringDrain.p99;
    return [
      zero('lost', metrics.lost),
      zero('duplicated effects', metrics.duplicatedEffects),
      zero('order inversions', metrics.inversions),
      { name: 'drain ≤ 30 s', met: metrics.drainMs !== null && metrics.drainMs <= 30_000, value: metrics.drainMs === null ? 'never' : `${(metrics.drainMs / 1000).toFixed(1)} s` },
      { name: 'write p99 during drain ≤ 500 ms', met: p99 !== null && p99 <= 500, value: p99 === null ? 'no writes' : `${p99} ms` },
    ];
  }
  if (kind === 'sigkill') return [zero('lost acknowledged writes', metrics.lost + metrics.missingFromWordList), zero('effects applied twice', metrics.duplicatedEffects)];
  return [];
}

/** The writers: each student adds its own words one after another, paced to `rate` overall. */
class Burst {
  readonly writes: WriteRecord[] = [];
  acknowledged = 0;
  finished = false;
  private readonly tag = Date.now().toString(36);

  constructor(
    private readonly url: string,
    private readonly students: Account[],
    private readonly options: DrillOptions,
  ) {}

  async run(): Promise<void> {
    const { writes, writers, rate } = this.options;
    const intervalMs = (writers / rate) * 1000;
    await Promise.all(
      this.students.map(async (student, writer) => {
        const count = Math.floor(writes / writers) + (writer < writes % writers ? 1 : 0);
        // Writers start spread over one interval, so the pace is even from the start.
        let nextAt = Date.now() + (intervalMs * writer) / writers;
        for (let seq = 0; seq < count; seq++) {
          const wait = nextAt - Date.now();
          if (wait > 0) await sleep(wait);
          // No catching up after an outage: the pace stays the pace.
          nextAt = Math.max(nextAt, Date.now()) + intervalMs;
          const write: WriteRecord = { userId: student.id, seq, lemma: `chaos-${this.tag}-w${writer}-${seq}`, attempts: [] };
          // A write still failing at its deadline means the app did not recover: stop writing.
          if ((await this.write(student, write)) === 'gave up') return;
        }
      }),
    );
    this.finished = true;
  }

  private async write(student: Account, write: WriteRecord): Promise<'acknowledged' | 'refused' | 'gave up'> {
    this.writes.push(write);
    const firstAt = Date.now();
    for (let retry = 0; ; retry++) {
      const startedAt = Date.now();
      const answer = await call(this.url, 'POST', '/vocabulary/my-words', {
        token: student.token,
        body: { lemma: write.lemma, translation: 'chaos drill' },
        timeoutMs: ATTEMPT_TIMEOUT_MS,
      });
      write.attempts.push({ startedAt, ms: answer.ms, status: answer.status });
      const existed = answer.status === 409 && answer.body?.code === 'LEARNING_WORD_EXISTS';
      if (answer.status === 201 || existed) {
        write.userWordId = existed ? answer.body.details.userWordId : answer.body.id;
        write.ack = existed ? 'exists' : 'created';
        write.ackedAt = Date.now();
        this.acknowledged++;
        return 'acknowledged';
      }
      const retryable = answer.status === 0 || answer.status === 429 || answer.status >= 500;
      if (!retryable) return 'refused';
      if (Date.now() - firstAt > WRITE_DEADLINE_MS) return 'gave up';
      await sleep(Math.min(2_000, 100 * 2 ** retry));
    }
  }
}

/**
 * Every student's word list (all pages) and progress record, once the read model has caught up or
 * a deadline passed. A list the API cannot serve within the deadline is recorded as unreadable.
 */
async function studentEffects(url: string, students: Account[]): Promise<StudentEffects[]> {
  const listOf = async (student: Account): Promise<string[]> => {
    const lemmas: string[] = [];
    for (let page = 1; ; page++) {
      const answer = await call(url, 'GET', `/vocabulary/my-words?page=${page}&pageSize=100`, { token: student.token });
      if (answer.status !== 200) throw new Error(`the word list of ${student.email} answered ${answer.status}`);
      lemmas.push(...(answer.body.items as Array<{ lemma: string }>).map((item) => item.lemma));
      if (answer.body.items.length < 100) return lemmas;
    }
  };
  const progressOf = async (student: Account) => {
    const answer = await call(url, 'GET', '/progress/me', { token: student.token });
    return answer.status === 200 ? (answer.body.learningCards.totalWords as number) : null;
  };
  // One deadline for all the lists: an app that cannot serve them should not cost 30 s per student.
  const listsDeadline = Date.now() + 30_000;
  const effects: StudentEffects[] = await mapLimit(students, 4, async (student) => ({
    userId: student.id,
    wordList: await waitFor(() => listOf(student), { timeoutMs: Math.max(1_000, listsDeadline - Date.now()), intervalMs: 500, what: `the word list of ${student.email}` }).catch(
      () => null,
    ),
    progressTotalWords: null,
  }));
  // The read model is fed by the relay too: give it time to catch up, scaled by the cards to count.
  const cards = effects.reduce((sum, student) => sum + (student.wordList?.length ?? 0), 0);
  const caughtUp = (student: StudentEffects) => student.progressTotalWords !== null && student.progressTotalWords >= (student.wordList?.length ?? 0);
  await waitFor(
    async () => {
      for (const [index, student] of effects.entries()) {
        if (!caughtUp(student)) student.progressTotalWords = await progressOf(students[index]);
      }
      return effects.every(caughtUp);
    },
    { timeoutMs: 30_000 + cards * 10, intervalMs: 250, what: 'the progress records to count every card' },
  ).catch(() => undefined);
  return effects;
}
