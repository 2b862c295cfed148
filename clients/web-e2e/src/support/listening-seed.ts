import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root } from './stack';

/**
 * The listening seed (tools/media/listening-seed.mjs), as the API's black-box tests run it: the
 * short seed videos are made with ffmpeg and espeak-ng (once; kept in tmp/listening-seed) and put
 * in the library of the Tall at `url` through the admin upload routes. A child process, so the
 * set-up keeps reading the API's output meanwhile.
 */
export function seedListening(url: string, admin: { email: string; password: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'tools/media/listening-seed.mjs')], {
      cwd: root,
      env: { ...process.env, TALL_URL: url, TALL_ADMIN_EMAIL: admin.email, TALL_ADMIN_PASSWORD: admin.password },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the listening seed failed (${code}):\n${stderr.slice(-3000)}`))));
  });
}
