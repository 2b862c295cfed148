// `npm start`: from a fresh clone, installs what is missing, brings up the local stack, builds and runs Tall.
// Node built-ins only until `npm ci` has run.
import { spawn } from 'node:child_process';
import { ensureDependencies, ensureStack, log, root } from './process.mjs';

ensureDependencies();
// Tall's own servers; the strict S3 is only for the tests that prove URL signing.
const stack = ensureStack(['postgres', 'mongo', 'kafka', 'moto']);
const { buildApi, buildWeb } = await import('./build.mjs');
const main = buildApi();
await buildWeb();

// The developer's own environment wins over the local stack's defaults.
const env = { NODE_ENV: 'development', ...stack, ...process.env };
log(`starting Tall on http://localhost:${env.PORT ?? 3000}`);
const child = spawn(process.execPath, ['--enable-source-maps', '--max-old-space-size=192', main], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

// With the first admin's credentials set, the listening library gets its seed videos once Tall is
// ready (made with ffmpeg and espeak-ng, uploaded through the admin upload routes; idempotent).
if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD && env.LISTENING_SEED !== 'false') {
  const url = `http://127.0.0.1:${env.PORT ?? 3000}`;
  const { seedListening } = await import('../media/listening-seed.mjs');
  const ready = async () => (await fetch(`${url}/health/ready`).catch(() => undefined))?.ok;
  for (let waited = 0; !(await ready()) && waited < 600_000 && child.exitCode === null; waited += 2_000) await new Promise((resolve) => setTimeout(resolve, 2_000));
  if (child.exitCode === null) {
    seedListening({ apiUrl: url, email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }).then(
      (summary) => log(`listening seed: ${summary.videos.map((video) => `${video.id} (${video.uploaded ? 'uploaded' : 'in place'})`).join(', ')}`),
      (error) => log(`listening seed failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
}
