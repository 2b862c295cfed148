import { EVENT_HEADERS, type EventEnvelope } from '@tall/platform/event-contracts';
import { chunkBySize, fromKafkaMessage, headerText, toKafkaMessage, toTopicMessages } from './kafka-messages';

const envelope = (topic: string, key: string, n: number): EventEnvelope => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  type: 'user.created',
  version: 2,
  topic,
  key,
  occurredAt: '2025-01-01T00:00:00.000Z',
  correlationId: 'corr-1',
  causationId: null,
  payload: { n },
});

describe('Kafka messages', () => {
  it('keys by aggregate id and carries the envelope identity in headers', () => {
    const message = toKafkaMessage(envelope('user.events.v2', 'user-1', 1));
    expect(message.key).toBe('user-1');
    expect(JSON.parse(message.value as string)).toEqual(envelope('user.events.v2', 'user-1', 1));
    expect(message.headers).toEqual({
      [EVENT_HEADERS.id]: '00000000-0000-4000-8000-000000000001',
      [EVENT_HEADERS.type]: 'user.created',
      [EVENT_HEADERS.version]: '2',
      [EVENT_HEADERS.correlationId]: 'corr-1',
    });
    expect(headerText({ a: Buffer.from('x') }, 'a')).toBe('x');
    expect(headerText({ a: [Buffer.from('y')] }, 'a')).toBe('y');
  });

  it('groups by topic and keeps order inside each topic', () => {
    const groups = toTopicMessages([envelope('a', 'k', 1), envelope('b', 'k', 2), envelope('a', 'k', 3)]);
    expect(groups.map((group) => [group.topic, group.messages.map((m) => m.headers?.[EVENT_HEADERS.id])])).toEqual([
      ['a', ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003']],
      ['b', ['00000000-0000-4000-8000-000000000002']],
    ]);
  });

  it('parses a consumed envelope and rejects malformed values', () => {
    const original = envelope('a', 'k', 1);
    expect(fromKafkaMessage({ value: Buffer.from(JSON.stringify(original)) })).toEqual(original);
    expect(() => fromKafkaMessage({ value: null })).toThrow(/Empty/);
    expect(() => fromKafkaMessage({ value: Buffer.from('{nope') })).toThrow(/not JSON/);
    expect(() => fromKafkaMessage({ value: Buffer.from('{"id":"x"}') })).toThrow(/Not an event envelope/);
  });
});

describe('chunkBySize', () => {
  const envelope = (key: string, text: string) =>
    ({ id: key, type: 't', version: 1, topic: 'x.v1', key, occurredAt: '2026-01-01T00:00:00.000Z', correlationId: 'c', causationId: null, payload: { text } }) as const;

  it('splits into requests below the limit, in order, each envelope once', () => {
    const envelopes = [...Array(50).keys()].map((i) => envelope(`k${i}`, 'x'.repeat(1000)));
    const chunks = chunkBySize(envelopes, 10_000);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.flat()).toEqual(envelopes);
    for (const chunk of chunks) expect(chunk.reduce((n, e) => n + JSON.stringify(e).length + 200 + e.key.length, 0)).toBeLessThanOrEqual(10_000);
  });

  it('gives an envelope larger than the limit a chunk of its own', () => {
    const big = envelope('big', 'x'.repeat(20_000));
    expect(chunkBySize([envelope('a', 'a'), big, envelope('b', 'b')], 10_000)).toEqual([[envelope('a', 'a')], [big], [envelope('b', 'b')]]);
  });
});
