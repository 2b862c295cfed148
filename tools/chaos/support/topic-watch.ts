// Watches Kafka topics from their current end: every message that arrives from now on, with the
// time Kafka got it. Survives broker outages (the consumer reconnects and rejoins by itself).
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';

export interface Arrival {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  eventId: string;
  type: string;
  occurredAt: string;
  payload: Record<string, unknown>;
  /** The record's timestamp: when the relay produced it (CreateTime), i.e. when it reached Kafka. */
  producedAt: number;
  /** When this watcher read it. */
  readAt: number;
}

export interface TopicWatch {
  /** Distinct records in the order read (per partition this is the topic's order). */
  readonly arrivals: Arrival[];
  /** Records read a second time at the same offset (the watcher's own re-reads after a rejoin), not counted. */
  rereads(): number;
  close(): Promise<void>;
}

/**
 * `accept` filters what is kept (e.g. the users of this run): topics are shared between runs.
 * The end offsets are taken before this resolves, so nothing produced afterwards is missed.
 */
export async function watchTopics(brokers: string[], topics: string[], accept: (arrival: Arrival) => boolean): Promise<TopicWatch> {
  const id = `tall-chaos-watch-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const kafka = new Kafka({
    clientId: id,
    brokers,
    logLevel: logLevel.NOTHING,
    // Short, many retries: the outage drills stop the broker on purpose.
    retry: { initialRetryTime: 200, maxRetryTime: 2_000, retries: 30 },
  });
  const admin = kafka.admin();
  await admin.connect();
  // A topic nobody has produced to yet: create it as the broker would (3 partitions), so it has offsets.
  await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 3 })) }).catch(() => undefined);
  const ends = await Promise.all(topics.map(async (topic) => ({ topic, offsets: await admin.fetchTopicOffsets(topic) })));
  await admin.disconnect();

  const consumer: Consumer = kafka.consumer({ groupId: id, sessionTimeout: 10_000, heartbeatInterval: 1_000, retry: { retries: 30, maxRetryTime: 2_000 } });
  await consumer.connect();
  for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: true });
  const arrivals: Arrival[] = [];
  const seen = new Set<string>();
  let rereads = 0;
  await consumer.run({
    autoCommitInterval: 1_000,
    eachMessage: async ({ topic, partition, message }) => {
      const position = `${topic}/${partition}/${message.offset}`;
      if (seen.has(position)) {
        rereads++;
        return;
      }
      seen.add(position);
      let envelope: Record<string, unknown>;
      try {
        envelope = JSON.parse(message.value?.toString() ?? 'null');
      } catch {
        return; // not an event envelope: not ours
      }
      if (!envelope || typeof envelope !== 'object') return;
      const arrival: Arrival = {
        topic,
        partition,
        offset: message.offset,
        key: message.key?.toString() ?? null,
        eventId: String(envelope['id']),
        type: String(envelope['type']),
        occurredAt: String(envelope['occurredAt']),
        payload: (envelope['payload'] ?? {}) as Record<string, unknown>,
        producedAt: Number(message.timestamp),
        readAt: Date.now(),
      };
      if (accept(arrival)) arrivals.push(arrival);
    },
  });
  // Start where the topics ended before this call; after a rejoin the committed offsets take over.
  for (const { topic, offsets } of ends) {
    for (const { partition, offset } of offsets) consumer.seek({ topic, partition, offset });
  }
  return { arrivals, rereads: () => rereads, close: () => consumer.disconnect().catch(() => undefined) };
}
