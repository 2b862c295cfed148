import { z } from 'zod';
import { findBackwardIncompatibilities } from './schema-compatibility';

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;

describe('findBackwardIncompatibilities', () => {
  const v1 = z.object({ userId: z.uuid(), role: z.enum(['STUDENT', 'TEACHER']), note: z.string().optional() });

  it('accepts an added optional field and a widened enum', () => {
    const v2 = z.object({
      userId: z.uuid(),
      role: z.enum(['STUDENT', 'TEACHER', 'EDU_ADMIN']),
      note: z.string().optional(),
      locale: z.string().optional(),
    });
    expect(findBackwardIncompatibilities(json(v1), json(v2))).toEqual([]);
  });

  it('accepts a dropped field when unknown fields are tolerated', () => {
    const v2 = z.object({ userId: z.uuid(), role: z.enum(['STUDENT', 'TEACHER']) });
    expect(findBackwardIncompatibilities(json(v1), json(v2))).toEqual([]);
  });

  it('rejects a new required field', () => {
    const v2 = v1.extend({ cohort: z.number() });
    expect(findBackwardIncompatibilities(json(v1), json(v2))).toEqual([
      expect.stringContaining('$.cohort: required now'),
    ]);
  });

  it('rejects a narrowed enum and a changed type', () => {
    const v2 = z.object({ userId: z.number(), role: z.enum(['STUDENT']), note: z.string().optional() });
    const problems = findBackwardIncompatibilities(json(v1), json(v2));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('$.userId: type string is no longer accepted'),
        expect.stringContaining('$.role: value "TEACHER" is no longer accepted'),
      ]),
    );
  });

  it('rejects an optional field turned required and a nullable turned non-null', () => {
    const before = z.object({ a: z.string().nullable(), b: z.string().optional() });
    const after = z.object({ a: z.string(), b: z.string() });
    const problems = findBackwardIncompatibilities(json(before), json(after));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('$.b: required now'),
        expect.stringContaining('$.a: type null is no longer accepted'),
      ]),
    );
  });

  it('accepts integer widened to number and rejects an added format', () => {
    expect(findBackwardIncompatibilities(json(z.object({ n: z.int() })), json(z.object({ n: z.number() })))).toEqual([]);
    expect(
      findBackwardIncompatibilities(json(z.object({ s: z.string() })), json(z.object({ s: z.email() }))),
    ).toEqual(expect.arrayContaining([expect.stringContaining('constraint format')]));
  });

  it('checks array items', () => {
    const before = z.object({ ids: z.array(z.string()) });
    const after = z.object({ ids: z.array(z.number()) });
    expect(findBackwardIncompatibilities(json(before), json(after))).toEqual([
      expect.stringContaining('$.ids[]: type string'),
    ]);
  });
});
