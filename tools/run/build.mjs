// Builds the API into dist/api: tsc (type-checked, decorator metadata for Nest) then tsc-alias
// rewrites the workspace's @tall/* path aliases into relative requires. Builds the web client into
// dist/clients/web/browser, which the API serves at `/`.

import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, run, runSettled } from './process.mjs';

export function buildApi() {
  const bin = (name) => join(root, 'node_modules', '.bin', name);
  run(bin('tsc'), ['-p', 'apps/api/tsconfig.app.json'], { label: 'build api (tsc)' });
  run(bin('tsc-alias'), ['-p', 'apps/api/tsconfig.app.json'], { label: 'build api (paths)' });
  copyLibAssets();
  const main = join(root, 'dist/api/apps/api/src/main.js');
  if (!existsSync(main)) throw new Error(`build did not produce ${main}`);
  return main;
}

/** The Angular web client (production configuration: budgets, service worker, hashed files). */
export async function buildWeb() {
  const status = await runSettled(process.execPath, [join(root, 'node_modules/@angular/cli/bin/ng.js'), 'build', '--configuration=production', '--progress=false'], {
    label: 'build web client (Angular)',
    cwd: join(root, 'clients/web'),
    env: { ...process.env, NG_CLI_ANALYTICS: 'false', CI: process.env.CI ?? 'true' },
    succeeded: /Application bundle generation complete/,
    failed: /Application bundle generation failed/,
  });
  const index = join(root, 'dist/clients/web/browser/index.html');
  if (status !== 0 || !existsSync(index)) throw new Error('build web client failed');
  return index;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildApi();
  await buildWeb();
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
