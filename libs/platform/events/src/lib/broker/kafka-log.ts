import { logLevel, type logCreator } from 'kafkajs';
import type { EventsLogger } from '../events-logger';

/** kafkajs logs only warnings and errors, and through our logger. */
export const KAFKA_LOG_LEVEL = logLevel.WARN;

/**
 * Routes kafkajs's log lines into our logger. kafkajs's "errors" are mostly connection
 * failures it retries by itself; they are logged as warnings, and our own code logs an error
 * when something is really given up.
 */
export function kafkaLogCreator(logger: EventsLogger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, ...extra } = log;
      const fields = { kafkajs: namespace, ...extra };
      if (level === logLevel.ERROR || level === logLevel.WARN) logger.warn(fields, `kafkajs: ${message}`);
      else logger.debug(fields, `kafkajs: ${message}`);
    };
}
