import { createEvent, defineEvent } from '@tall/platform/event-contracts';
import { z } from 'zod';
import { documentWithOutbox, nextOutboxSeq, OUTBOX_ENTRY_SEQ, publishedEnvelope, withOutbox } from './mongo-outbox';

const seq = expect.any(Number);
const stored = (e: object) => ({ ...JSON.parse(JSON.stringify(e)), [OUTBOX_ENTRY_SEQ]: seq });

const contract = defineEvent({
  type: 'card.reviewed',
  version: 1,
  topic: 'vocab.cards.v1',
  description: 'test',
  schema: z.object({ grade: z.number(), note: z.string().optional() }),
});
const event = (grade: number) => createEvent(contract, { grade }, { key: 'card-1', correlationId: 'c' });

describe('withOutbox', () => {
  it('adds a $push of the events and the pending flag', () => {
    const e = event(1);
    expect(withOutbox({ $set: { grade: 1 } }, [e])).toEqual({
      $set: { grade: 1, _outboxPending: true },
      $push: { _outbox: { $each: [stored(e)] } },
      $min: { _outboxSeq: seq },
    });
  });

  it('merges with an existing $push and keeps event order', () => {
    const [a, b] = [event(1), event(2)];
    const update = withOutbox({ $push: { history: 3 } as never, $inc: { reviews: 1 } }, [a, b]);
    expect(update['$push']).toEqual({ history: 3, _outbox: { $each: [a, b].map(stored) } });
    const [first, second] = (update['$push'] as unknown as { _outbox: { $each: Array<{ _seq: number }> } })._outbox.$each;
    expect(second._seq).toBeGreaterThan(first._seq);
    expect(update['$min']).toEqual({ _outboxSeq: first._seq });
    expect(update['$inc']).toEqual({ reviews: 1 });
  });

  it('does not mutate the given update', () => {
    const update = { $set: { grade: 1 } };
    withOutbox(update, [event(1)]);
    expect(update).toEqual({ $set: { grade: 1 } });
  });

  it('refuses replacement documents, pipelines and updates that already touch the outbox', () => {
    expect(() => withOutbox({ grade: 1 } as never, [event(1)])).toThrow(/not an update operator/);
    expect(() => withOutbox([{ $set: { a: 1 } }] as never, [event(1)])).toThrow(/pipeline/);
    expect(() => withOutbox({ $push: { _outbox: event(1) } as never }, [event(2)])).toThrow(/already touches _outbox/);
    expect(() => withOutbox({ $unset: { _outboxPending: '' } as never }, [event(2)])).toThrow(/already touches/);
    expect(() => withOutbox({ $set: { grade: 1 } }, [{ id: 'x' } as never])).toThrow(/Not an event envelope/);
  });

  it('stores the JSON form of the envelope, as Kafka carries it', () => {
    const e = { ...event(1), payload: { grade: 1, note: undefined } };
    const pushed = (withOutbox({}, [e])['$push'] as Record<string, { $each: unknown[] }>)['_outbox'].$each[0];
    expect(publishedEnvelope(pushed as never)).toEqual(JSON.parse(JSON.stringify(e)));
    expect(Object.keys((pushed as { payload: object }).payload)).toEqual(['grade']);
  });

  it('returns the update unchanged for no events', () => {
    const update = { $set: { grade: 1 } };
    expect(withOutbox(update, [])).toBe(update);
  });
});

describe('nextOutboxSeq', () => {
  it('is microseconds of the clock, strictly increasing even within one millisecond or when the clock steps back', () => {
    const now = Date.now() + 60_000;
    const a = nextOutboxSeq(now);
    const b = nextOutboxSeq(now);
    const c = nextOutboxSeq(now - 5_000);
    expect(a).toBeGreaterThanOrEqual(now * 1000);
    expect(b).toBe(a + 1);
    expect(c).toBe(b + 1);
    expect(Number.isSafeInteger(c)).toBe(true);
  });
});

describe('documentWithOutbox', () => {
  it('puts the events in the new document', () => {
    const e = event(1);
    expect(documentWithOutbox({ _id: 'card-1', grade: 1 }, [e])).toEqual({
      _id: 'card-1',
      grade: 1,
      _outbox: [stored(e)],
      _outboxPending: true,
      _outboxSeq: seq,
    });
  });

  it('refuses a document that already carries an outbox', () => {
    expect(() => documentWithOutbox({ _outbox: [] }, [event(1)])).toThrow(/already has _outbox/);
  });
});
