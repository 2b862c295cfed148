import { Kafka, logLevel } from 'kafkajs';
import { BSON, MongoClient } from 'mongodb';
import { Client } from 'pg';
import { stackEnv, uniqueName } from '@tall/platform/testing';

/**
 * Looks for planted values everywhere Tall keeps or sends data. A value is found in its
 * plain form (case-insensitive), as hex of its UTF-8 bytes (bytea, buffers) or as base64.
 */
export function findingsIn(where: string, haystack: string, needles: readonly string[]): string[] {
  const lower = haystack.toLowerCase();
  return needles.flatMap((needle) => {
    const forms = [
      ['plain', needle.toLowerCase(), lower],
      ['hex', Buffer.from(needle, 'utf8').toString('hex'), lower],
      ['base64', Buffer.from(needle, 'utf8').toString('base64'), haystack],
    ] as const;
    return forms.filter(([, form, text]) => text.includes(form)).map(([kind]) => `${where}: ${needle} (${kind})`);
  });
}

/** Every row of every table of every schema of one PostgreSQL database, as text. */
export async function dumpPostgres(databaseUrl: string): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; table: string }>(
      `SELECT table_schema AS schema, table_name AS table FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const parts: string[] = [];
    for (const { schema, table } of tables) {
      const { rows } = await client.query(`SELECT t::text AS row FROM "${schema}"."${table}" t`);
      parts.push(`-- ${schema}.${table} (${rows.length} rows)`, ...rows.map((row) => String(row.row)));
    }
    return parts.join('\n');
  } finally {
    await client.end();
  }
}

/** Every document of every collection of every MongoDB database, as extended JSON. */
export async function dumpMongo(): Promise<string> {
  const client = await MongoClient.connect(stackEnv().MONGODB_URI);
  try {
    const parts: string[] = [];
    const { databases } = await client.db('admin').admin().listDatabases();
    for (const { name } of databases) {
      if (['admin', 'local', 'config'].includes(name)) continue;
      const db = client.db(name);
      for (const { name: collection } of await db.listCollections({}, { nameOnly: true }).toArray()) {
        const documents = await db.collection(collection).find({}).toArray();
        parts.push(`-- ${name}.${collection}`, ...documents.map((document) => BSON.EJSON.stringify(document)));
      }
    }
    return parts.join('\n');
  } finally {
    await client.close();
  }
}

/** Every message (key, headers, value) of every Kafka topic, read from the beginning. */
export async function dumpKafka(): Promise<string> {
  const kafka = new Kafka({ clientId: uniqueName('leak-scan'), brokers: stackEnv().KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const parts: string[] = [];
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic !== '__consumer_offsets');
    for (const topic of topics) {
      let offsets;
      try {
        offsets = await admin.fetchTopicOffsets(topic);
      } catch {
        continue; // deleted meanwhile by another test
      }
      const targets = new Map(offsets.filter((offset) => Number(offset.high) > Number(offset.low)).map((offset) => [offset.partition, Number(offset.high)]));
      if (targets.size === 0) continue;
      // Joined per topic: spreading a long-lived topic's messages into push() overflows the call stack.
      parts.push(`-- ${topic}`, (await readTopic(kafka, topic, targets)).join('\n'));
    }
  } finally {
    await admin.disconnect();
  }
  return parts.join('\n');
}

async function readTopic(kafka: Kafka, topic: string, targets: Map<number, number>): Promise<string[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('leak-scan-group') });
  const lines: string[] = [];
  const remaining = new Map(targets);
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`reading ${topic} did not finish: ${JSON.stringify([...remaining])}`)), 60_000);
      void consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            const headers = Object.entries(message.headers ?? {}).map(([name, value]) => `${name}=${String(value)}`);
            lines.push([message.key?.toString() ?? '', headers.join(';'), message.value?.toString() ?? ''].join(' | '));
            const target = remaining.get(partition);
            if (target !== undefined && Number(message.offset) + 1 >= target) remaining.delete(partition);
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
  return lines;
}
