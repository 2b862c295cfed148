// Builds the API into dist/api: tsc (type-checked, decorator metadata for Nest) then tsc-alias
// rewrites the workspace's @tall/* path aliases into relative requires.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root, run } from './process.mjs';

export function buildApi() {
  const bin = (name) => join(root, 'node_modules', '.bin', name);
  run(bin('tsc'), ['-p', 'apps/api/tsconfig.app.json'], { label: 'build api (tsc)' });
  run(bin('tsc-alias'), ['-p', 'apps/api/tsconfig.app.json'], { label: 'build api (paths)' });
  const main = join(root, 'dist/api/apps/api/src/main.js');
  if (!existsSync(main)) throw new Error(`build did not produce ${main}`);
  return main;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildApi();
}
