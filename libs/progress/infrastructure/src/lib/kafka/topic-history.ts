import { ConfigResourceTypes, Kafka, logLevel, type Admin } from 'kafkajs';

/** Kafka's config source of a per-topic override (DescribeConfigs v1+). */
const DYNAMIC_TOPIC_CONFIG = 1;
const RETENTION = 'retention.ms';

export interface TopicHistoryLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

/**
 * The read model is rebuilt by replaying its topics from the beginning, so they must keep their
 * whole history: sets `retention.ms=-1` on each existing topic that has a time limit. The
 * platform creates topics with the broker's defaults (7 days) and has no per-topic settings, so
 * progress sets this one itself. kafkajs only has the non-incremental AlterConfigs, which resets
 * what it is not given: the topic's other overrides are read first and sent along.
 * Returns the topics that do not exist yet (to try again later).
 */
export async function keepTopicHistory(admin: Admin, topics: readonly string[], logger?: TopicHistoryLogger): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const present = topics.filter((topic) => existing.has(topic));
  if (present.length > 0) {
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: present.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
    });
    for (const resource of described.resources) {
      const retention = resource.configEntries.find((entry) => entry.configName === RETENTION);
      if (retention?.configValue === '-1') continue;
      const overrides = resource.configEntries
        .filter((entry) => !entry.isDefault && (entry as { configSource?: number }).configSource === DYNAMIC_TOPIC_CONFIG && entry.configName !== RETENTION)
        .map((entry) => ({ name: entry.configName, value: entry.configValue }));
      await admin.alterConfigs({
        validateOnly: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: resource.resourceName, configEntries: [...overrides, { name: RETENTION, value: '-1' }] }],
      });
      logger?.info({ topic: resource.resourceName, previous: retention?.configValue ?? null }, 'topic now keeps its whole history (replayed by progress rebuilds)');
    }
  }
  return topics.filter((topic) => !existing.has(topic));
}

/** A short-lived admin client for keepTopicHistory. */
export async function withKafkaAdmin<T>(brokers: string[], clientId: string, work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING, connectionTimeout: 3_000, retry: { retries: 2 } }).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
