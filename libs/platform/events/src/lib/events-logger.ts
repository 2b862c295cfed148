/**
 * The slice of pino's interface the event backbone logs through, so callers pass their
 * pino logger (or a child of it) and tests pass a silent or recording one.
 */
export interface EventsLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const ignore = (): void => undefined;

export const silentLogger: EventsLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };

/** Errors as plain fields: pino serialises `err`, but other loggers may not. */
export function errorFields(error: unknown): { err: { message: string; name?: string; stack?: string } } {
  if (error instanceof Error) return { err: { message: error.message, name: error.name, stack: error.stack } };
  return { err: { message: String(error) } };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
