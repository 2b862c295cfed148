// nestjs-zod 5.5 with zod ≥ 4.5 documents a bare `.nullable()` field (`type: ['string', 'null']`)
// as an array of strings in OpenAPI 3.0 (nestjs-zod issue #473), so the generated client types
// would say `string[]` where the API answers `string | null`. Until the platform's DTOs carry the
// fix, the type generator rewrites the DTOs' schema metadata before Nest reads it:
// `type: [T, 'null']` becomes `type: T, nullable: true`. Once fixed upstream this is a no-op.
import type { createZodDto } from 'nestjs-zod';

type Schema = Record<string, unknown>;

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

type DtoFactory = typeof createZodDto;

export function installNullableWorkaround(): void {
  // The module object itself (an ES namespace import would be a copy): every DTO reads it at call time.
  const exports = require('nestjs-zod') as { createZodDto: DtoFactory };
  const original = exports.createZodDto;
  const patched = ((...args: Parameters<DtoFactory>) => {
    const dto = original(...args) as unknown as { _OPENAPI_METADATA_FACTORY?: () => unknown };
    const factory = dto._OPENAPI_METADATA_FACTORY;
    if (typeof factory === 'function') {
      Object.defineProperty(dto, '_OPENAPI_METADATA_FACTORY', { value: () => normaliseNullable(factory.call(dto)), configurable: true, writable: true });
    }
    return dto;
  }) as DtoFactory;
  exports.createZodDto = patched;
}
