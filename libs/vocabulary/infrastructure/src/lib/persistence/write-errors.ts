import { MongoServerError, type MongoBulkWriteError } from 'mongodb';

export const DUPLICATE_KEY = 11000;

/** A unique index refused the write. */
export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/**
 * The write errors of a failed `insertMany`: position in the inserted array and code. mongoose
 * copies the driver's write errors into plain objects (`{ err, index }`), which lose the driver's
 * `code` getter, so the code is read from `err`.
 */
export function writeErrorsOf(error: MongoBulkWriteError): Array<{ index: number; code: number | undefined }> {
  const entries = (Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors]) as unknown as Array<{ index: number; code?: number; err?: { code?: number } }>;
  return entries.map((entry) => ({ index: entry.index, code: entry.err?.code ?? entry.code }));
}
