import { randomUUID } from 'node:crypto';
import type { ProgressFact } from '@tall/progress/domain';
import type { AppliedEvent, ProgressProjection } from '../../ports/progress-projection.port';
import { RecordProgressFactCommand } from './record-progress-fact.command';
import { RecordProgressFactHandler } from './record-progress-fact.handler';

/** Stands in for the PostgreSQL projection's inbox: a (event, handler) pair is applied once. */
class InboxProjection implements ProgressProjection {
  readonly inbox = new Set<string>();
  readonly facts: ProgressFact[] = [];
  async apply(event: AppliedEvent, fact: ProgressFact): Promise<boolean> {
    const key = `${event.eventId}:${event.handler}`;
    if (this.inbox.has(key)) return false;
    this.inbox.add(key);
    this.facts.push(fact);
    return true;
  }
}

describe('RecordProgressFactHandler', () => {
  it('applies a fact once per event and handler, and says whether it applied it now', async () => {
    const projection = new InboxProjection();
    const handler = new RecordProgressFactHandler(projection);
    const userId = randomUUID();
    const event = { eventId: randomUUID(), handler: 'progress.users' };
    const fact: ProgressFact = { kind: 'roleChanged', userId, role: 'TEACHER' };

    expect(await handler.execute(new RecordProgressFactCommand(event, fact))).toBe(true);
    expect(await handler.execute(new RecordProgressFactCommand(event, fact))).toBe(false);
    expect(await handler.execute(new RecordProgressFactCommand({ ...event, handler: 'progress.other' }, fact))).toBe(true);
    expect(projection.facts).toEqual([fact, fact]);
  });
});
