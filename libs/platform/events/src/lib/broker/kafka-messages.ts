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
