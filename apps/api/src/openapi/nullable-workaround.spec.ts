import { normaliseNullable } from './nullable-workaround';

describe('the nullable workaround of the OpenAPI document', () => {
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
