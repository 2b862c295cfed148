/**
 * NUL characters and unpaired UTF-16 surrogates are never text a person typed, and the stores
 * refuse them (PostgreSQL's text and jsonb cannot hold NUL; a lone surrogate does not survive
 * UTF-8): a request carrying one in its body, query or path answers 400, not 500 from deep inside.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const INVALID_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Deeper than any request body of the API; a deeper one is left to the route's own validation. */
const MAX_DEPTH = 32;

/** The path of the first string (or object key) with invalid text, e.g. `body.items.3.answer`; null when there is none. */
export function findInvalidText(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return INVALID_TEXT.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}.${key}`;
    if (INVALID_TEXT.test(key)) return childPath;
    const found = findInvalidText(child, childPath, depth + 1);
    if (found) return found;
  }
  return null;
}
