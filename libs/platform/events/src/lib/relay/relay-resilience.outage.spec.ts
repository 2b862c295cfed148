import type { EventEnvelope } from '@tall/platform/event-contracts';
import { stackControl, stackEnv, uniqueName, waitFor } from '@tall/platform/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import type { EventBroker } from '../broker/event-broker';
import { KafkaEventBroker } from '../broker/kafka-event-broker';
import { EventMetrics } from '../event-metrics';
import type { EventsLogger } from '../events-logger';
import { inTransaction } from '../sql-executor';
import { createTopic, deleteTopics, kafkaBrokers, pgFixture, testEvent, type PgFixture } from '../../test-support/event-stack';
import { OutboxRelay } from './outbox-relay';
import { PgOutboxSource } from './pg-outbox-source';

jest.setTimeout(180_000);

const TOTAL = 5_000;
const KEYS = 50;
const PER_TRANSACTION = 10;

/** Keeps the last log lines, printed when a test fails. */
function memoryLogger(lines: string[]): EventsLogger {
  const keep = (level: string) => (obj: object, msg?: string) => {
    lines.push(`${level} ${msg ?? ''} ${JSON.stringify(obj).slice(0, 300)}`);
    if (lines.length > 200) lines.shift();
  };
  return { debug: () => undefined, info: keep('info'), warn: keep('warn'), error: keep('error') };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The scenario shared by the outage and crash tests: a consumer in its own group applies each
 * event through the PG inbox and records (key, n) in apply order.
 */
class Scenario {
  readonly logs: string[] = [];
  readonly logger = memoryLogger(this.logs);
  topic = '';
  /** Deliveries the inbox recognised as already applied (redelivered after a crash or retry). */
  redeliveries = 0;
  private consumer?: KafkaEventBroker;

  constructor(readonly pg: PgFixture) {}

  async setUp(): Promise<void> {
    this.topic = await createTopic('resilience', 6);
    await this.pg.pool.query(
      `CREATE TABLE "${this.pg.schema}".applied (
         seq bigserial PRIMARY KEY, event_id uuid NOT NULL, key text NOT NULL, n int NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT clock_timestamp())`,
    );
    this.consumer = new KafkaEventBroker({
      brokers: kafkaBrokers(),
      clientId: 'resilience-consumer',
      logger: this.logger,
      metrics: new EventMetrics(new Registry()),
    });
    await this.consumer.subscribe(uniqueName('tall.resilience'), [this.topic], async (envelope) => {
      const applied = await this.pg.inbox.runOnce(this.pg.pool, envelope.id, 'test.applier', async (tx) => {
        await tx.query(`INSERT INTO "${this.pg.schema}".applied (event_id, key, n) VALUES ($1, $2, $3)`, [
          envelope.id,
          envelope.key,
          (envelope.payload as { n: number }).n,
        ]);
      });
      if (!applied) this.redeliveries++;
    });
  }

  async tearDown(): Promise<void> {
    await this.consumer?.disconnect();
    if (this.topic) await deleteTopics([this.topic]);
  }

  /** 5,000 events over 50 keys, n counting up per key, appended in small transactions. */
  async appendBurst(pauseMs: number): Promise<void> {
    for (let first = 0; first < TOTAL; first += PER_TRANSACTION) {
      const events: EventEnvelope[] = [];
      for (let i = first; i < first + PER_TRANSACTION; i++) {
        events.push(testEvent(this.topic, `key-${i % KEYS}`, { n: Math.floor(i / KEYS) }));
      }
      await inTransaction(this.pg.pool, (tx) => this.pg.outbox.append(tx, events));
      if (pauseMs > 0) await sleep(pauseMs);
    }
  }

  async applied(): Promise<number> {
    return (await this.pg.pool.query(`SELECT count(*)::int AS n FROM "${this.pg.schema}".applied`)).rows[0].n;
  }

  async waitForAll(timeoutMs: number): Promise<void> {
    await waitFor(async () => (await this.applied()) >= TOTAL, { timeoutMs, intervalMs: 500, what: `${TOTAL} applied events` });
    // Let late redeliveries arrive: they must be skipped by the inbox.
    await sleep(2_000);
  }

  async expectExactlyOnceInOrder(): Promise<void> {
    const { rows } = await this.pg.pool.query(
      `SELECT count(*)::int AS applied, count(DISTINCT event_id)::int AS distinct_events FROM "${this.pg.schema}".applied`,
    );
    expect(rows[0]).toEqual({ applied: TOTAL, distinct_events: TOTAL });
    const perKey = await this.pg.pool.query<{ key: string; ns: number[] }>(
      `SELECT key, array_agg(n ORDER BY seq) AS ns FROM "${this.pg.schema}".applied GROUP BY key`,
    );
    expect(perKey.rows).toHaveLength(KEYS);
    const expected = [...Array(TOTAL / KEYS).keys()];
    const outOfOrder = perKey.rows.filter((row) => JSON.stringify(row.ns) !== JSON.stringify(expected)).map((row) => row.key);
    expect(outOfOrder).toEqual([]);
    const pending = await this.pg.pool.query(`SELECT count(*)::int AS n FROM ${this.pg.outbox.table} WHERE published_at IS NULL`);
    expect(pending.rows[0].n).toBe(0);
  }

  dumpLogsOnFailure<T>(run: () => Promise<T>): Promise<T> {
    return run().catch((error: unknown) => {
      console.error(`last log lines:\n${this.logs.slice(-60).join('\n')}`);
      throw error;
    });
  }
}

describe('relay resilience (5,000 events over 50 keys)', () => {
  it('loses and duplicates nothing and keeps per-key order through a 20 s Kafka outage', async () => {
    const pg = await pgFixture('outage');
    const scenario = new Scenario(pg);
    const control = await stackControl();
    let kafkaStopped = false;
    const relayPool = pg.newPool(4);
    const broker = new KafkaEventBroker({
      brokers: kafkaBrokers(),
      clientId: 'resilience-relay',
      logger: scenario.logger,
      metrics: new EventMetrics(new Registry()),
    });
    const relay = new OutboxRelay({ broker, logger: scenario.logger, metrics: new EventMetrics(new Registry()), batchSize: 100 });
    relay.register(new PgOutboxSource(relayPool, pg.schema));
    try {
      await scenario.dumpLogsOnFailure(async () => {
        await scenario.setUp();
        await relay.start();
        const burst = scenario.appendBurst(40);
        await waitFor(async () => (await scenario.applied()) >= 500, { timeoutMs: 60_000, intervalMs: 200, what: 'traffic before the outage' });
        const stopping = Date.now();
        await control.stop('kafka');
        kafkaStopped = true;
        const stopped = Date.now();
        const appliedDuringOutage = await scenario.applied();
        await sleep(20_000);
        await control.start('kafka');
        kafkaStopped = false;
        const restarted = Date.now();
        await burst;
        expect(appliedDuringOutage).toBeLessThan(TOTAL);
        await scenario.waitForAll(120_000);
        const { rows: timing } = await pg.pool.query(
          `SELECT (SELECT extract(epoch FROM max(published_at)) * 1000 FROM ${pg.outbox.table})::float8 AS published,
                  (SELECT extract(epoch FROM max(applied_at)) * 1000 FROM "${pg.schema}".applied)::float8 AS applied`,
        );
        await scenario.expectExactlyOnceInOrder();
        const retried = await pg.pool.query(`SELECT count(*)::int AS n FROM ${pg.outbox.table} WHERE attempts > 0`);
        expect(retried.rows[0].n).toBeGreaterThan(0);
        console.log(
          `outage test: Kafka stop took ${stopped - stopping} ms, start ${restarted - stopped - 20_000} ms; after the restart ` +
            `the relay published the last event in ${Math.round(timing[0].published - restarted)} ms and the consumer ` +
            `applied it in ${Math.round(timing[0].applied - restarted)} ms; ${retried.rows[0].n} rows retried, ` +
            `${scenario.redeliveries} redeliveries skipped by the inbox`,
        );
      });
    } finally {
      if (kafkaStopped) await control.start('kafka');
      await relay.stop();
      await broker.disconnect();
      await scenario.tearDown();
      await pg.close();
    }
  });

  it('loses and duplicates nothing and keeps per-key order when the relay process is SIGKILLed mid-burst', async () => {
    const pg = await pgFixture('crash');
    const scenario = new Scenario(pg);
    const children: ChildProcess[] = [];
    const startRelayProcess = async (): Promise<ChildProcess> => {
      const child = spawn(
        process.execPath,
        ['-r', join(__dirname, '../../../../../../tools/ts/swc-register.js'), join(__dirname, '../../test-support/relay-child.ts')],
        {
          env: {
            ...process.env,
            DATABASE_URL: stackEnv().DATABASE_URL,
            KAFKA_BROKERS: stackEnv().KAFKA_BROKERS,
            OUTBOX_SCHEMA: pg.schema,
            // Most of the relay's time is then spent between Kafka's ack and the commit, so a
            // kill there forces the republishing the inbox must absorb.
            AFTER_PRODUCE_DELAY_MS: '40',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      children.push(child);
      child.stderr?.on('data', (chunk: Buffer) => scenario.logs.push(`child ${child.pid}: ${chunk.toString().trim().slice(0, 400)}`));
      await new Promise<void>((resolve, reject) => {
        child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
        child.once('exit', (code) => reject(new Error(`relay child exited with ${code} before it was ready`)));
      });
      return child;
    };
    const kill = async (child: ChildProcess) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    };
    try {
      await scenario.dumpLogsOnFailure(async () => {
        await scenario.setUp();
        let relay = await startRelayProcess();
        const burst = scenario.appendBurst(15);
        for (const threshold of [600, 1_400, 2_200, 3_000]) {
          await waitFor(async () => (await scenario.applied()) >= threshold, { timeoutMs: 60_000, intervalMs: 100, what: `${threshold} applied` });
          await kill(relay);
          relay = await startRelayProcess();
        }
        await burst;
        await scenario.waitForAll(90_000);
        await scenario.expectExactlyOnceInOrder();
        expect(children.length).toBe(5);
        // Whether a kill lands inside a batch (and so causes redeliveries) depends on timing; the
        // property under test is the exactly-once, in-order result above, whatever the count.
        console.log(`relay SIGKILL test: ${scenario.redeliveries} redeliveries skipped by the inbox`);
      });
    } finally {
      await Promise.all(children.filter((child) => child.exitCode === null && child.signalCode === null).map(kill));
      await scenario.tearDown();
      await pg.close();
    }
  });

  it('two relays draining one PostgreSQL outbox publish every row once and keep per-key order (SKIP LOCKED)', async () => {
    const pg = await pgFixture('skiplocked');
    const log: Array<{ relay: number; id: string; key: string; n: number }> = [];
    const recordingBroker = (relay: number): EventBroker => ({
      produce: async (envelopes) => {
        // A slow broker widens the window in which both relays hold claimed rows.
        await sleep(2);
        envelopes.forEach((e) => log.push({ relay, id: e.id, key: e.key, n: (e.payload as { n: number }).n }));
      },
      subscribe: async () => undefined,
      ensureTopics: async () => undefined,
      healthCheck: async () => undefined,
      disconnect: async () => undefined,
    });
    const relays = [0, 1].map((index) => {
      const relay = new OutboxRelay({ broker: recordingBroker(index), batchSize: 25, pollIntervalMs: 5, metrics: new EventMetrics(new Registry()) });
      relay.register(new PgOutboxSource(pg.newPool(3), pg.schema));
      return relay;
    });
    try {
      await Promise.all(relays.map((relay) => relay.start()));
      const total = 2_000;
      for (let first = 0; first < total; first += 20) {
        const events = [...Array(20).keys()].map((offset) => {
          const i = first + offset;
          return testEvent('skip.locked.v1', `key-${i % 20}`, { n: Math.floor(i / 20) });
        });
        await inTransaction(pg.pool, (tx) => pg.outbox.append(tx, events));
      }
      await waitFor(() => log.length >= total, { timeoutMs: 60_000, what: 'all rows published' });
      await sleep(300);
    } finally {
      await Promise.all(relays.map((relay) => relay.stop()));
      await pg.close();
    }
    expect(log).toHaveLength(2_000);
    expect(new Set(log.map((entry) => entry.id)).size).toBe(2_000);
    expect(new Set(log.map((entry) => entry.relay))).toEqual(new Set([0, 1]));
    const perKey = new Map<string, number[]>();
    log.forEach((entry) => perKey.set(entry.key, [...(perKey.get(entry.key) ?? []), entry.n]));
    for (const [key, numbers] of perKey) expect({ key, numbers }).toEqual({ key, numbers: [...Array(100).keys()] });
  });
});
