// The listening seed: short real videos made from the seed scripts, then put in the library through
// the same upload path admins use (describe the video; for each file a pre-signed PUT straight to
// storage; complete, which checks the file there). Node built-ins only, and Debian's ffmpeg and
// espeak-ng (installed with apt-get when missing).
//
//   TALL_URL=http://localhost:3000 TALL_ADMIN_EMAIL=… TALL_ADMIN_PASSWORD=… node tools/media/listening-seed.mjs
//
// Each script (libs/listening/infrastructure/src/assets/seed/videos/<nn>-<slug>.json) becomes:
//   - Dutch speech: espeak-ng's `nl` voice speaks each sentence; the pauses between them are silence;
//   - WebVTT subtitles in Dutch and English, each cue timed from its sentence's measured speech;
//   - a picture track: the script's colour with the title on it (when a font is there to draw it);
//   - an H.264/AAC MP4 with its index at the front (faststart), and a JPEG poster from it;
//   - timed questions, each asked right after the sentence it follows.
// The files go to tmp/listening-seed/<slug>-<hash of the script and this tool>/ and are reused while
// neither changes. Nothing generated is committed.
//
// Options: --generate-only (make the files, upload nothing), --force (upload again even when the
// video's media are in place), --out <dir>. Or a token instead of the password: TALL_ADMIN_TOKEN.
// Prints a JSON summary on stdout.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureMediaTools, log, root } from '../run/process.mjs';

export const SEED_SCRIPTS_DIR = join(root, 'libs/listening/infrastructure/src/assets/seed/videos');
export const SEED_OUT_DIR = join(root, 'tmp/listening-seed');
/** Bumped when the way videos are made changes: every cached video is made anew. */
const GENERATOR_VERSION = 1;
const VOICE = 'nl';
/** Words per minute: a little slower than espeak-ng's 175, for learners. */
const SPEED = 140;
const LEAD_IN_SECONDS = 0.6;
const PAUSE_SECONDS = 0.7;
const TAIL_SECONDS = 1.2;
/** The player pauses this long after a sentence's last word before it asks. */
const QUESTION_DELAY_SECONDS = 0.2;
const SAMPLE_RATE = 22050;
const FONTS = ['/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'];

/** Makes every seed video (or reuses the one made before); returns their manifests. */
export function generateListeningSeed({ scriptsDir = SEED_SCRIPTS_DIR, outDir = SEED_OUT_DIR } = {}) {
  const tools = ensureMediaTools();
  const scripts = readdirSync(scriptsDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(scriptsDir, file), 'utf8') }));
  return scripts.map(({ file, text }) => {
    const script = JSON.parse(text);
    const hash = createHash('sha256').update(`${GENERATOR_VERSION}\0${text}`).digest('hex').slice(0, 12);
    const directory = join(outDir, `${script.slug}-${hash}`);
    const manifestFile = join(directory, 'manifest.json');
    if (existsSync(manifestFile)) return JSON.parse(readFileSync(manifestFile, 'utf8'));
    log(`listening seed: making ${file}`);
    // Made in a folder of its own and moved into place at the end: a run stopped half-way leaves no manifest.
    const work = `${directory}.partial-${process.pid}`;
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const manifest = makeVideo(script, work, tools);
    writeFileSync(join(work, 'manifest.json'), `${JSON.stringify({ ...manifest, directory }, null, 2)}\n`);
    rmSync(directory, { recursive: true, force: true });
    renameSync(work, directory);
    return JSON.parse(readFileSync(manifestFile, 'utf8'));
  });
}

function makeVideo(script, work, tools) {
  const run = (command, args) => {
    const result = spawnSync(command, args, { cwd: work, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${(result.stderr ?? '').slice(-2000)}`);
    return result.stdout;
  };
  const seconds = (file) => Number(run(tools.ffprobe, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]).trim());
  const silence = (file, duration) =>
    run(tools.ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', `anullsrc=r=${SAMPLE_RATE}:cl=mono`, '-t', String(duration), '-c:a', 'pcm_s16le', file]);

  // The speech, sentence by sentence, each measured; the cues follow from the measurements.
  silence('lead-in.wav', LEAD_IN_SECONDS);
  silence('pause.wav', PAUSE_SECONDS);
  silence('tail.wav', TAIL_SECONDS);
  const parts = ['lead-in.wav'];
  const cues = [];
  let at = LEAD_IN_SECONDS;
  script.sentences.forEach((sentence, index) => {
    const file = `sentence-${index + 1}.wav`;
    // espeak-ng writes 22050 Hz mono 16-bit PCM, the format of the silences.
    run(tools.espeakNg, ['-v', VOICE, '-s', String(SPEED), '-w', file, sentence.nl]);
    const duration = seconds(file);
    cues.push({ start: at, end: at + duration, nl: sentence.nl, en: sentence.en });
    at += duration;
    parts.push(file);
    if (index < script.sentences.length - 1) {
      parts.push('pause.wav');
      at += PAUSE_SECONDS;
    }
  });
  parts.push('tail.wav');
  writeFileSync(join(work, 'speech.txt'), parts.map((part) => `file '${part}'`).join('\n'));
  run(tools.ffmpeg, ['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', 'speech.txt', '-c', 'copy', 'speech.wav']);
  const speechSeconds = seconds('speech.wav');

  writeFileSync(join(work, 'subtitles-nl.vtt'), webVtt(cues, 'nl'));
  writeFileSync(join(work, 'subtitles-en.vtt'), webVtt(cues, 'en'));

  // The picture: the script's colour with the title (drawn only when a font is there), 640×360 at 25 fps.
  const font = FONTS.find((candidate) => existsSync(candidate));
  writeFileSync(join(work, 'title.txt'), script.title);
  const drawTitle = font ? ['-vf', `drawtext=fontfile=${font}:textfile=title.txt:fontcolor=white:fontsize=44:x=(w-text_w)/2:y=(h-text_h)/2`] : [];
  run(tools.ffmpeg, [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', `color=c=${script.background}:s=640x360:r=25:d=${speechSeconds.toFixed(3)}`,
    '-i', 'speech.wav',
    ...drawTitle,
    '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'main', '-pix_fmt', 'yuv420p', '-g', '50',
    '-c:a', 'aac', '-b:a', '64k', '-ar', '44100',
    '-shortest', '-movflags', '+faststart',
    'video.mp4',
  ]);
  run(tools.ffmpeg, ['-v', 'error', '-y', '-ss', '0.5', '-i', 'video.mp4', '-frames:v', '1', '-q:v', '3', 'poster.jpg']);
  const durationSeconds = round(seconds('video.mp4'));

  const questions = script.questions.map(({ afterSentence, ...question }) => ({
    ...question,
    atSeconds: round(Math.min(cues[afterSentence - 1].end + QUESTION_DELAY_SECONDS, durationSeconds)),
  }));
  return {
    slug: script.slug,
    definition: { title: script.title, level: script.level, topic: script.topic, durationSeconds, questions },
    cues: cues.map((cue) => ({ ...cue, start: round(cue.start), end: round(cue.end) })),
    files: [
      { kind: 'video', contentType: 'video/mp4', file: 'video.mp4' },
      { kind: 'poster', contentType: 'image/jpeg', file: 'poster.jpg' },
      { kind: 'subtitles', lang: 'nl', contentType: 'text/vtt', file: 'subtitles-nl.vtt' },
      { kind: 'subtitles', lang: 'en', contentType: 'text/vtt', file: 'subtitles-en.vtt' },
    ].map((entry) => ({ ...entry, sizeBytes: statSync(join(work, entry.file)).size })),
  };
}

function webVtt(cues, lang) {
  const time = (value) => {
    const ms = Math.round(value * 1000);
    const pad = (number, width = 2) => String(number).padStart(width, '0');
    return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
  };
  return `WEBVTT\n\n${cues.map((cue, index) => `${index + 1}\n${time(cue.start)} --> ${time(cue.end)}\n${cue[lang]}\n`).join('\n')}`;
}

const round = (value) => Math.round(value * 100) / 100;

/** An admin's access token (EDU_ADMIN or TECH_ADMIN). */
export async function signIn(apiUrl, email, password) {
  const response = await fetch(`${apiUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`signing in as ${email} answered ${response.status}: ${JSON.stringify(body)}`);
  return body.accessToken;
}

/**
 * Puts the videos in the library through the admin routes: the description (PUT, idempotent),
 * then each file by a pre-signed PUT and its completion. A video whose media are in place already
 * is left alone unless `force`.
 */
export async function uploadListeningSeed({ apiUrl, token, manifests, force = false }) {
  const call = async (method, path, body) => {
    const response = await fetch(`${apiUrl}/api/v1/listening/admin${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const answer = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    return answer;
  };
  const report = [];
  for (const manifest of manifests) {
    let video = await call('PUT', `/videos/${manifest.slug}`, manifest.definition);
    if (video.mediaReady && !force) {
      report.push({ id: manifest.slug, uploaded: 0, mediaReady: true, directory: manifest.directory });
      continue;
    }
    for (const entry of manifest.files) {
      const ticket = await call('POST', `/videos/${manifest.slug}/uploads`, { kind: entry.kind, ...(entry.lang ? { lang: entry.lang } : {}), contentType: entry.contentType, sizeBytes: entry.sizeBytes });
      const bytes = readFileSync(join(manifest.directory, entry.file));
      const put = await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: bytes });
      if (!put.ok) throw new Error(`PUT of ${manifest.slug}/${entry.file} to storage answered ${put.status}: ${(await put.text()).slice(0, 500)}`);
      video = await call('POST', `/videos/${manifest.slug}/uploads/${ticket.uploadId}/complete`);
    }
    if (!video.mediaReady) throw new Error(`${manifest.slug}: uploaded, but its media are not ready: ${JSON.stringify(video.media)}`);
    report.push({ id: manifest.slug, uploaded: manifest.files.length, mediaReady: true, directory: manifest.directory });
  }
  return report;
}

/** Makes the seed videos and uploads them to the Tall at `apiUrl`, signed in as an admin. */
export async function seedListening({ apiUrl, token, email, password, force = false, outDir = SEED_OUT_DIR }) {
  const manifests = generateListeningSeed({ outDir });
  const accessToken = token ?? (await signIn(apiUrl, email, password));
  return { videos: await uploadListeningSeed({ apiUrl, token: accessToken, manifests, force }) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { 'generate-only': { type: 'boolean', default: false }, force: { type: 'boolean', default: false }, out: { type: 'string' } } });
  const outDir = values.out ?? SEED_OUT_DIR;
  try {
    if (values['generate-only']) {
      const manifests = generateListeningSeed({ outDir });
      process.stdout.write(`${JSON.stringify({ videos: manifests.map((manifest) => ({ id: manifest.slug, durationSeconds: manifest.definition.durationSeconds, directory: manifest.directory })) })}\n`);
    } else {
      const apiUrl = (process.env.TALL_URL ?? 'http://localhost:3000').replace(/\/$/, '');
      const token = process.env.TALL_ADMIN_TOKEN;
      if (!token && !(process.env.TALL_ADMIN_EMAIL && process.env.TALL_ADMIN_PASSWORD)) throw new Error('set TALL_ADMIN_EMAIL and TALL_ADMIN_PASSWORD (an EDU_ADMIN or TECH_ADMIN), or TALL_ADMIN_TOKEN');
      const summary = await seedListening({ apiUrl, token, email: process.env.TALL_ADMIN_EMAIL, password: process.env.TALL_ADMIN_PASSWORD, force: values.force, outDir });
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    }
  } catch (error) {
    process.stderr.write(`listening seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
