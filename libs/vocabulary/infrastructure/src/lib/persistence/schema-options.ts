import type { SchemaOptions } from 'mongoose';

/**
 * Options of every vocabulary schema. The schemas describe documents the raw driver wrote before
 * (ADR 12), so mongoose must neither add nor drop anything:
 *
 * - `strict`/`strictQuery: 'throw'`: a path missing from the schema fails the write or the query
 *   instead of being dropped silently (with it an outbox, or a filter condition);
 * - no version key, no virtual `id`, empty objects kept (`minimize: false`);
 * - no collection or index created when a model is compiled: each store creates its indexes at
 *   start. Set here too, because the connection-level switches of `contextConnection` do not
 *   reach mongoose's model initialisation (they land in the connection's `options`, not its
 *   `config`);
 * - no buffering while the server is unreachable: the driver's server-selection error answers
 *   503 within its 2 s timeout, as before, instead of mongoose's buffering timeout (a 500).
 *
 * Value objects that are read and written whole (titles, translations, verb forms, recent
 * reviews, cohort sizes) are `Mixed`: stored exactly as given, never cast or restructured.
 */
export const VOCABULARY_SCHEMA_OPTIONS = {
  versionKey: false,
  id: false,
  strict: 'throw',
  strictQuery: 'throw',
  minimize: false,
  autoIndex: false,
  autoCreate: false,
  bufferCommands: false,
} as const satisfies SchemaOptions;
