import pino, { type Logger, type DestinationStream } from 'pino';
import { RequestContext } from './request-context';

/** Field names that must never reach a log line, at any of the first three levels. */
export const SENSITIVE_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'cookie',
  'set-cookie',
  'secret',
  'email',
  'firstName',
  'lastName',
  'birthDate',
  'phone',
  'address',
] as const;

function redactPaths(): string[] {
  const paths: string[] = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];
  for (const field of SENSITIVE_FIELDS) {
    const key = /^[A-Za-z_$][\w$]*$/.test(field) ? field : `["${field}"]`;
    const join = (prefix: string) => (key.startsWith('[') ? `${prefix}${key}` : `${prefix}.${key}`);
    paths.push(key.startsWith('[') ? key.slice(2, -2) : key, join('*'), join('*.*'));
  }
  return paths;
}

export interface LoggerOptions {
  level: string;
  name?: string;
  destination?: DestinationStream;
}

export function createLogger({ level, name = 'tall', destination }: LoggerOptions): Logger {
  return pino(
    {
      name,
      level,
      redact: { paths: redactPaths(), censor: '[redacted]' },
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin() {
        const context = RequestContext.current();
        return context ? { correlationId: context.correlationId } : {};
      },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

export type { Logger };
