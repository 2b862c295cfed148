import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '@tall/platform/testing';

export interface SeededVideo {
  id: string;
  uploaded: number;
  mediaReady: boolean;
  /** Where the seed tool keeps the video's files (video.mp4, poster.jpg, subtitles-<lang>.vtt, manifest.json). */
  directory: string;
}

/**
 * The listening seed (tools/media/listening-seed.mjs): makes the seed videos with ffmpeg and
 * espeak-ng (once; they are kept in tmp/listening-seed) and puts them in the library of the Tall at
 * `url` through its admin upload routes, signed in as the given admin. Run as a child process so
 * this process keeps reading the API's output meanwhile.
 */
export function seedListening(url: string, admin: { email: string; password: string }, options: { force?: boolean } = {}): Promise<{ videos: SeededVideo[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(workspaceRoot, 'tools/media/listening-seed.mjs'), ...(options.force ? ['--force'] : [])], {
      cwd: workspaceRoot,
      env: { ...process.env, TALL_URL: url, TALL_ADMIN_EMAIL: admin.email, TALL_ADMIN_PASSWORD: admin.password },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`the listening seed failed (${code}):\n${stderr.slice(-3000)}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop() as string));
    });
  });
}
