import { createEvent, defineEvent } from '@tall/platform/event-contracts';
import { z } from 'zod';
import type { SqlExecutor } from '../sql-executor';
import { PgOutbox } from './pg-outbox';

const contract = defineEvent({
  type: 'test.happened',
  version: 1,
  topic: 'test.events.v1',
  description: 'test',
  schema: z.object({ n: z.number() }),
});

function recorder(): SqlExecutor & { calls: Array<{ text: string; params?: unknown[] }> } {
  const calls: Array<{ text: string; params?: unknown[] }> = [];
  return { calls, query: async (text, params) => (calls.push({ text, params }), { rows: [], rowCount: 0 }) };
}

describe('PgOutbox', () => {
  it('rejects schema names that are not plain identifiers', () => {
    expect(() => new PgOutbox('profile; DROP TABLE x')).toThrow(/Invalid SQL identifier/);
    expect(() => new PgOutbox('Profile')).toThrow(/Invalid SQL identifier/);
    expect(() => new PgOutbox('"x"')).toThrow(/Invalid SQL identifier/);
    expect(new PgOutbox('profile').table).toBe('"profile".outbox');
  });

  it('writes idempotent DDL with the pending index', () => {
    const sql = new PgOutbox('profile').migrationSql();
    expect(sql).toContain('CREATE TABLE IF NOT EXISTS "profile".outbox');
    expect(sql).toContain('seq             bigserial');
    expect(sql).toMatch(/CREATE INDEX IF NOT EXISTS outbox_pending_idx .* WHERE published_at IS NULL/);
  });

  it('appends all envelopes in one statement, in order, on the given executor', async () => {
    const tx = recorder();
    const first = createEvent(contract, { n: 1 }, { key: 'a', correlationId: 'c' });
    const second = createEvent(contract, { n: 2 }, { key: 'a', correlationId: 'c' });
    await new PgOutbox('profile').append(tx, [first, second]);
    expect(tx.calls).toHaveLength(1);
    expect(tx.calls[0].text).toContain('INSERT INTO "profile".outbox');
    expect(tx.calls[0].params).toEqual([
      first.id, 'test.events.v1', 'a', 'test.happened', 1, JSON.stringify(first),
      second.id, 'test.events.v1', 'a', 'test.happened', 1, JSON.stringify(second),
    ]);
  });

  it('does nothing for no events and refuses malformed envelopes', async () => {
    const tx = recorder();
    await new PgOutbox('profile').append(tx, []);
    expect(tx.calls).toHaveLength(0);
    await expect(new PgOutbox('profile').append(tx, [{ id: 'x' } as never])).rejects.toThrow(/Not an event envelope/);
  });
});
