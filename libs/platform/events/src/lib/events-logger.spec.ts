import pino from 'pino';
import { errorFields, type EventsLogger } from './events-logger';

describe('EventsLogger', () => {
  it('is satisfied by a pino logger', () => {
    const lines: string[] = [];
    const logger: EventsLogger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
    logger.warn({ source: 'pg:profile', ...errorFields(new Error('boom')) }, 'outbox batch stopped');
    expect(JSON.parse(lines[0])).toMatchObject({ level: 40, source: 'pg:profile', msg: 'outbox batch stopped', err: { message: 'boom' } });
  });
});
