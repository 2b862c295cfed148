// `npm start`: from a fresh clone, installs what is missing, brings up the local stack, builds and runs Tall.
// Node built-ins only until `npm ci` has run.
import { spawn } from 'node:child_process';
import { ensureDependencies, ensureStack, log, root } from './process.mjs';

ensureDependencies();
const stack = ensureStack();
const { buildApi, buildWeb } = await import('./build.mjs');
const main = buildApi();
await buildWeb();

// The developer's own environment wins over the local stack's defaults.
const env = { NODE_ENV: 'development', ...stack, ...process.env };
log(`starting Tall on http://localhost:${env.PORT ?? 3000}`);
const child = spawn(process.execPath, ['--enable-source-maps', '--max-old-space-size=192', main], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
