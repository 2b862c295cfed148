import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const root = join(__dirname, '../../../..');

/** The local stack's variables (the stack script prints them), unless the test runner exported them. */
export function stackEnv(): Record<string, string> {
  if (process.env['DATABASE_URL'] && process.env['MONGODB_URI']) return process.env as Record<string, string>;
  const output = execFileSync(process.execPath, [join(root, 'tools/stack/stack.mjs'), 'env'], { cwd: root, encoding: 'utf8' });
  return Object.fromEntries(
    output
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}
