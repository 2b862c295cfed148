import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { normaliseNullable } from './nullable-workaround';

const root = join(__dirname, '../../../..');

describe("the web client's API types", () => {
  it('match the OpenAPI document the app builds, whose DTO names are unique (run `npm run client:api-types` after changing a DTO)', () => {
    let output = '';
    try {
      output = execFileSync(process.execPath, [join(__dirname, 'generate-api-types.mjs'), '--check'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string };
      throw new Error(`${failed.stderr ?? ''}${failed.stdout ?? ''}`);
    }
    expect(output).toContain('is up to date');
  }, 120_000);

  it('document a nullable field as nullable, not as an array', () => {
    expect(normaliseNullable({ a: { type: ['string', 'null'], required: true }, b: { type: 'integer' }, c: { type: 'object', properties: { d: { type: ['number', 'null'] } } } })).toEqual({
      a: { type: 'string', nullable: true, required: true },
      b: { type: 'integer' },
      c: { type: 'object', properties: { d: { type: 'number', nullable: true } } },
    });
    // A union of two real types is left as it is.
    expect(normaliseNullable({ type: ['string', 'number'] })).toEqual({ type: ['string', 'number'] });
  });
});
