import { logLevel } from 'kafkajs';
import type { EventsLogger } from '../events-logger';
import { kafkaLogCreator } from './kafka-log';

describe('kafkaLogCreator', () => {
  it('routes kafkajs errors and warnings to warn, the rest to debug', () => {
    const calls: Array<[string, object, string | undefined]> = [];
    const record = (level: string) => (obj: object, msg?: string) => void calls.push([level, obj, msg]);
    const logger: EventsLogger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
    const log = kafkaLogCreator(logger)(logLevel.WARN);
    const entry = (level: logLevel, message: string) => ({
      namespace: 'Connection',
      level,
      label: 'X',
      log: { timestamp: 'now', message, broker: 'b:1' },
    });
    log(entry(logLevel.ERROR, 'Connection error'));
    log(entry(logLevel.WARN, 'Slow'));
    log(entry(logLevel.INFO, 'Starting'));
    expect(calls).toEqual([
      ['warn', { kafkajs: 'Connection', broker: 'b:1' }, 'kafkajs: Connection error'],
      ['warn', { kafkajs: 'Connection', broker: 'b:1' }, 'kafkajs: Slow'],
      ['debug', { kafkajs: 'Connection', broker: 'b:1' }, 'kafkajs: Starting'],
    ]);
  });
});
