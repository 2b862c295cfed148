import { z } from 'zod';
import { createZodDto, normaliseNullable } from './zod-dto';

describe('the platform DTO factory', () => {
  it('documents a nullable field as nullable, not as an array', () => {
    expect(normaliseNullable({ a: { type: ['string', 'null'], required: true }, b: { type: 'integer' }, c: { type: 'object', properties: { d: { type: ['number', 'null'] } } } })).toEqual({
      a: { type: 'string', nullable: true, required: true },
      b: { type: 'integer' },
      c: { type: 'object', properties: { d: { type: 'number', nullable: true } } },
    });
    // A union of two real types is left as it is.
    expect(normaliseNullable({ type: ['string', 'number'] })).toEqual({ type: ['string', 'number'] });
  });
});

describe('createZodDto', () => {
  it('gives Nest a nullable field as nullable in the DTO metadata', () => {
    const Dto = createZodDto(z.object({ birthDate: z.string().nullable(), name: z.string() })) as unknown as { _OPENAPI_METADATA_FACTORY: () => Record<string, Record<string, unknown>> };
    const metadata = Dto._OPENAPI_METADATA_FACTORY();
    expect(metadata['birthDate']).toMatchObject({ type: 'string', nullable: true });
    expect(metadata['name']).toMatchObject({ type: 'string' });
    expect(metadata['name']?.['nullable']).toBeUndefined();
  });
});
