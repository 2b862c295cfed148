import { EVENT_HEADERS, type EventEnvelope } from '@tall/platform/event-contracts';
import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import { parseEnvelope } from '../envelope-shape';

/** Key = aggregate id (same partition, so per-key order); value = the JSON envelope. */
export function toKafkaMessage(envelope: EventEnvelope): Message {
  return {
    key: envelope.key,
    value: JSON.stringify(envelope),
    headers: {
      [EVENT_HEADERS.id]: envelope.id,
      [EVENT_HEADERS.type]: envelope.type,
      [EVENT_HEADERS.version]: String(envelope.version),
      [EVENT_HEADERS.correlationId]: envelope.correlationId,
    },
  };
}

/** Messages grouped by topic, each group in the given order. */
export function toTopicMessages(envelopes: readonly EventEnvelope[]): Array<{ topic: string; messages: Message[] }> {
  const byTopic = new Map<string, Message[]>();
  for (const envelope of envelopes) {
    const messages = byTopic.get(envelope.topic) ?? [];
    messages.push(toKafkaMessage(envelope));
    byTopic.set(envelope.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

/** The envelope of a consumed message; throws when the message is not one. */
export function fromKafkaMessage(message: Pick<KafkaMessage, 'value'>): EventEnvelope {
  if (!message.value) throw new Error('Empty message value');
  let value: unknown;
  try {
    value = JSON.parse(message.value.toString('utf8'));
  } catch {
    throw new Error('Message value is not JSON');
  }
  return parseEnvelope(value);
}

export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/**
 * The envelopes in consecutive chunks of at most `maxBytes` of message values and keys, order
 * kept. A broker refuses a produce request above its `message.max.bytes` (1 MiB by default)
 * for good, so a large relay batch must go out in several requests. An envelope larger than
 * `maxBytes` on its own gets a chunk of its own.
 */
export function chunkBySize(envelopes: readonly EventEnvelope[], maxBytes: number): EventEnvelope[][] {
  const chunks: EventEnvelope[][] = [];
  let current: EventEnvelope[] = [];
  let size = 0;
  for (const envelope of envelopes) {
    // Value, key and headers, plus a record's overhead: an estimate on the safe side.
    const bytes = Buffer.byteLength(JSON.stringify(envelope)) + Buffer.byteLength(envelope.key) + 200;
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(envelope);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
