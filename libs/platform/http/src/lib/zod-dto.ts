// nestjs-zod 5.5 with zod ≥ 4.5 documents a bare `.nullable()` field (JSON Schema `type: ['string',
// 'null']`) as an array of strings in OpenAPI 3.0 (nestjs-zod issue #473): the document says
// `string[]` where the API answers `string | null`, and generated clients and contract fuzzing
// believe it. The platform's `createZodDto` fixes the DTO's schema metadata before Nest reads it:
// `type: [T, 'null']` becomes `type: T, nullable: true`. Once fixed upstream this is a no-op.
import { createZodDto as createNestZodDto } from 'nestjs-zod';

type Schema = Record<string, unknown>;

/** `type: [T, 'null']` → `type: T, nullable: true`, at every depth; unions of two real types stay. */
export function normaliseNullable(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(normaliseNullable);
  if (!schema || typeof schema !== 'object') return schema;
  const result: Schema = {};
  for (const [key, value] of Object.entries(schema as Schema)) result[key] = normaliseNullable(value);
  const type = result['type'];
  if (Array.isArray(type) && type.includes('null')) {
    const others = type.filter((entry) => entry !== 'null');
    if (others.length === 1) {
      result['type'] = others[0];
      result['nullable'] = true;
    }
  }
  return result;
}

type OpenApiMetadataFactory = () => unknown;

/** nestjs-zod's `createZodDto`, with nullable fields documented as OpenAPI 3.0 expects. */
export const createZodDto: typeof createNestZodDto = ((...args: Parameters<typeof createNestZodDto>) => {
  const dto = createNestZodDto(...args) as unknown as { _OPENAPI_METADATA_FACTORY?: OpenApiMetadataFactory };
  const factory = dto._OPENAPI_METADATA_FACTORY;
  if (typeof factory === 'function') {
    Object.defineProperty(dto, '_OPENAPI_METADATA_FACTORY', {
      value: () => normaliseNullable(factory.call(dto)),
      configurable: true,
      writable: true,
    });
  }
  return dto;
}) as typeof createNestZodDto;
