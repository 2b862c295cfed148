// Builds the API into dist/api: tsc (type-checked, decorator metadata for Nest) then tsc-alias
// rewrites the workspace's @tall/* path aliases into relative requires.

import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, run } from './process.mjs';

export function buildApi() {
  const bin = (name) => join(root, 'node_modules', '.bin', name);
  run(bin('tsc'), ['-p', 'apps/api/tsconfig.app.json'], { label: 'build api (tsc)' });
  run(bin('tsc-alias'), ['-p', 'apps/api/tsconfig.app.json'], { label: 'build api (paths)' });
  copyLibAssets();
  const main = join(root, 'dist/api/apps/api/src/main.js');
  if (!existsSync(main)) throw new Error(`build did not produce ${main}`);
  return main;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildApi();
}

/** Non-code files a lib reads at run time live in its `src/assets/`; they go beside the compiled code. */
function copyLibAssets() {
  for (const scope of readdirSync(join(root, 'libs'))) {
    for (const lib of readdirSync(join(root, 'libs', scope))) {
      const assets = join('libs', scope, lib, 'src', 'assets');
      if (existsSync(join(root, assets))) cpSync(join(root, assets), join(root, 'dist/api', assets), { recursive: true });
    }
  }
}
