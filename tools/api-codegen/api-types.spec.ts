import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

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
});
