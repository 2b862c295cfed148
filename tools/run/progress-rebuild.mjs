// `npm run progress:rebuild -- [options]`: builds the API, then replays the progress topics from
// their first offset into a fresh schema (see apps/api/src/cli/progress-rebuild.ts, or --help).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildApi } from './build.mjs';
import { root } from './process.mjs';

buildApi();
const result = spawnSync(process.execPath, [join(root, 'dist/api/apps/api/src/cli/progress-rebuild.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
