import type { OpenAPIObject } from '@nestjs/swagger';
import { CLIENT_PLATFORMS, CLIENT_VERSION_MAX_LENGTH, CLIENT_VERSION_PATTERN } from './client-version';

interface Operation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  parameters?: Array<{ in?: string; schema?: unknown }>;
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const ERROR_ENVELOPE = 'ErrorEnvelope';
const ERROR_CONTENT = { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_ENVELOPE}` } } };

/** Every error answer of the API (platform/http's ErrorEnvelope). */
const ERROR_ENVELOPE_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'code', 'message', 'correlationId'],
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599 },
    code: { type: 'string', description: 'A stable machine-readable code, e.g. VALIDATION_FAILED' },
    message: { type: 'string', description: 'For people; may change' },
    details: { description: 'More about the error; its shape depends on the code (e.g. fields for VALIDATION_FAILED)' },
    correlationId: { type: 'string' },
  },
};

/** The client headers every operation reads (configure-http's client version gate and correlation ids). */
export const CLIENT_HEADER_PARAMETERS = [
  { name: 'X-Client-Platform', in: 'header', required: false, description: 'Which Tall app sends the request; with X-Client-Version, an outdated app is answered 426', schema: { type: 'string', enum: [...CLIENT_PLATFORMS] } },
  { name: 'X-Client-Version', in: 'header', required: false, description: "The app's semantic version (format `semver`: Semantic Versioning 2.0.0, optionally after a `v`)", schema: { type: 'string', format: 'semver', pattern: CLIENT_VERSION_PATTERN, maxLength: CLIENT_VERSION_MAX_LENGTH } },
  { name: 'X-Correlation-Id', in: 'header', required: false, description: 'Echoed back when it is 1–128 letters, digits or `_.:-`; otherwise (or when absent) a new one is made, so any value is accepted', schema: { type: 'string' } },
];

/**
 * The answers the platform gives on every route, added to each operation of the document where its
 * controller did not describe them, all with the error envelope:
 * - 400 (a malformed body or query, invalid client headers), 426 (an outdated app), 503 (a service
 *   Tall depends on is down) on every operation;
 * - 413 and 415 where there is a body; 404 where the path names a resource;
 * - 429 on the sign-in routes, which are rate limited.
 * Error answers a controller described without a body get the envelope too. Nothing is removed or
 * rewritten: a controller's own description wins.
 */
export function documentHttpConventions(document: OpenAPIObject): OpenAPIObject {
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {});
  schemas[ERROR_ENVELOPE] ??= ERROR_ENVELOPE_SCHEMA as (typeof schemas)[string];
  // One walk for the whole document: a schema shared by many operations is documented once.
  const storable = new StorableText(schemas as Record<string, unknown>);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, unknown>)[method] as Operation | undefined;
      if (!operation) continue;
      const responses = (operation.responses ??= {});
      const add = (status: number, description: string) => {
        responses[String(status)] ??= { description };
      };
      add(400, 'The request is invalid: a malformed body, query or path, or invalid client headers (VALIDATION_FAILED, MALFORMED_JSON, INVALID_CLIENT_HEADERS)');
      if (operation.requestBody) {
        add(413, 'The body is too large (PAYLOAD_TOO_LARGE)');
        add(415, 'The body is not of a supported content type (UNSUPPORTED_MEDIA_TYPE)');
      }
      if (path.includes('{')) add(404, 'Not found');
      if (path.startsWith('/api/v1/auth/')) add(429, 'Too many attempts: try again after Retry-After seconds');
      add(426, 'This version of the app is no longer supported (CLIENT_UPGRADE_REQUIRED)');
      add(503, 'A service Tall depends on is unavailable (SERVICE_UNAVAILABLE); try again after Retry-After seconds');
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400 && !response.content) response.content = ERROR_CONTENT;
      }
      for (const parameter of operation.parameters ?? []) if (parameter.in === 'query' || parameter.in === 'path') storable.document(parameter.schema);
      for (const media of Object.values(operation.requestBody?.content ?? {})) storable.document(media.schema);
    }
  }
  return document;
}

/**
 * What the API refuses in any text it reads, body, query or path (`invalid-text.ts`): NUL, which
 * PostgreSQL cannot store. (It refuses halves of surrogate pairs too, which are not Unicode text and
 * so not JSON Schema strings at all; a pattern naming them makes the contract fuzzer ignore it.)
 * `\\x00` rather than `\\u0000`: the fuzzer misreads the second in a negated class.
 */
export const STORABLE_TEXT_PATTERN = '^[^\\x00]*$';
/** Strings of these formats cannot hold either anyway. */
const FORMATS_WITHOUT_CONTROL_CHARACTERS = new Set(['uuid', 'date', 'date-time', 'email', 'semver']);

/** Adds STORABLE_TEXT_PATTERN to every string a request may carry (each shared schema once). */
class StorableText {
  private readonly seen = new Set<unknown>();

  constructor(private readonly components: Record<string, unknown>) {}

  document(schema: unknown): void {
    if (!schema || typeof schema !== 'object' || this.seen.has(schema)) return;
    this.seen.add(schema);
    const node = schema as Record<string, unknown>;
    const ref = node['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) return this.document(this.components[ref.slice('#/components/schemas/'.length)]);
    const types = Array.isArray(node['type']) ? node['type'] : [node['type']];
    const format = node['format'];
    if (types.includes('string') && node['enum'] === undefined && !(typeof format === 'string' && FORMATS_WITHOUT_CONTROL_CHARACTERS.has(format))) {
      if (node['pattern'] === undefined) node['pattern'] = STORABLE_TEXT_PATTERN;
      else if (node['pattern'] !== STORABLE_TEXT_PATTERN) node['allOf'] = [...((node['allOf'] as unknown[] | undefined) ?? []), { pattern: STORABLE_TEXT_PATTERN }];
    }
    for (const key of ['items', 'additionalProperties', 'not']) this.document(node[key]);
    for (const key of ['oneOf', 'anyOf', 'allOf']) for (const entry of (node[key] as unknown[] | undefined) ?? []) this.document(entry);
    for (const property of Object.values((node['properties'] as Record<string, unknown> | undefined) ?? {})) this.document(property);
  }
}
