import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { stackEnv, uniqueName } from '@tall/platform/testing';

export interface ReceivedMessage {
  topic: string;
  key: string | null;
  headers: Record<string, string>;
  value: Record<string, unknown>;
}

/** Reads a topic from the beginning with a throw-away consumer group and keeps what arrives. */
export async function probeTopic(topic: string): Promise<{ messages: ReceivedMessage[]; close: () => Promise<void> }> {
  const kafka = new Kafka({ clientId: uniqueName('probe'), brokers: stackEnv().KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] }).catch(() => undefined);
  await admin.disconnect();
  const consumer: Consumer = kafka.consumer({ groupId: uniqueName('probe-group') });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const messages: ReceivedMessage[] = [];
  await consumer.run({
    eachMessage: async ({ topic: from, message }) => {
      messages.push({
        topic: from,
        key: message.key?.toString() ?? null,
        headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)])),
        value: JSON.parse(message.value?.toString() ?? 'null'),
      });
    },
  });
  return { messages, close: () => consumer.disconnect() };
}
