// Listening case of `npm run bench` (BENCH_CASES=listening): the API's memory stays flat while
// students stream (ADR 18). The seed videos are put in the library through the admin upload path
// (tools/media/listening-seed.mjs); then simulated students play them as a player does: the video
// page for fresh pre-signed URLs, the subtitles and 32 KiB range reads of the film straight from
// S3 as the playhead needs them, the position every 2 s and each timed question as it comes up.
// The API process's RSS is sampled all along. Baseline, in the same run and the same process, first:
// the same students for as long, each calling GET /health/live once a second (no listening work);
// then a short unmeasured warm-up of streaming, then the measured streaming.
//
//   BENCH_LISTENING_STUDENTS (20), BENCH_LISTENING_DURATION_S (60, per phase),
//   BENCH_LISTENING_SPEED (4: a 20 s video plays in 5 s, so a short run still sees many plays)
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { seedListening } from '../media/listening-seed.mjs';

const STUDENTS = Number(process.env.BENCH_LISTENING_STUDENTS ?? 20);
const DURATION_S = Number(process.env.BENCH_LISTENING_DURATION_S ?? 60);
const SPEED = Number(process.env.BENCH_LISTENING_SPEED ?? 4);
const CHUNK_BYTES = 32 * 1024;
const TICK_MS = 250;
const POSITION_EVERY_MS = 2_000;
const BASELINE_EVERY_MS = 1_000;
const RSS_SAMPLE_MS = 250;
/**
 * Streaming not measured, right before the measured streaming: JIT, connection pools, and the heap
 * grown to what streaming needs, so that "start" is that level and not the one a collection at the
 * end of the baseline left behind.
 */
const WARM_UP_S = Math.round(Math.min(15, Math.max(2, DURATION_S / 4)));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value, digits = 2) => Number(value.toFixed(digits));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p99 = (values) => (values.length ? [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.99))] : 0);

function rssMb(pid) {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return kb / 1024;
}

/**
 * Samples the process's RSS until stopped. Start and end are medians of the first and last tenth
 * (a garbage collection moves single samples); `quarters` the median of each quarter, to see a trend.
 */
function sampleRss(pid) {
  const samples = [];
  const timer = setInterval(() => samples.push(rssMb(pid)), RSS_SAMPLE_MS);
  samples.push(rssMb(pid));
  return () => {
    clearInterval(timer);
    samples.push(rssMb(pid));
    const tenth = Math.max(3, Math.floor(samples.length / 10));
    const quarter = Math.ceil(samples.length / 4);
    const quarters = [0, 1, 2, 3].map((index) => median(samples.slice(index * quarter, (index + 1) * quarter)));
    return { startMb: median(samples.slice(0, tenth)), endMb: median(samples.slice(-tenth)), sampledPeakMb: Math.max(...samples), quarters };
  };
}

/** The V8 heap in use (MB), from the API's own Prometheus metrics. */
async function heapUsedMb(url, headers) {
  const text = await (await fetch(`${url}/metrics`, { headers })).text();
  return Number(/^nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1] ?? Number.NaN) / 1024 / 1024;
}

/**
 * @param ctx {{ tall: { url: string, child: import('node:child_process').ChildProcess }, admin: { email: string, password: string },
 *   metricsHeaders: Record<string, string>, log: (m: string) => void, resetPeakRss: (pid: number) => void, peakRssMb: (pid: number) => number }}
 */
export async function listeningCases({ tall, admin, metricsHeaders, log, resetPeakRss, peakRssMb }) {
  const pid = tall.child.pid;
  const stats = () => ({ api: 0, apiErrors: 0, apiLatencies: [], byRoute: {}, s3: 0, s3Errors: 0, s3Bytes: 0, plays: 0, failedPlays: 0, answers: 0, positions: 0 });
  let current = stats();

  const api = async (method, path, token, body) => {
    const started = performance.now();
    const response = await fetch(`${tall.url}/api/v1${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    const took = performance.now() - started;
    current.api += 1;
    current.apiLatencies.push(took);
    // Per route (`PUT /listening/videos/:id/position`): which of a student's calls is slow.
    (current.byRoute[`${method} ${path.replace(/^\/listening\/videos\/[^/]+/, '/listening/videos/:id')}`] ??= []).push(took);
    if (!response.ok) {
      current.apiErrors += 1;
      throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    }
    return text ? JSON.parse(text) : undefined;
  };
  const fromS3 = async (url, range) => {
    const response = await fetch(url, range ? { headers: { range } } : {});
    const bytes = Buffer.from(await response.arrayBuffer());
    current.s3 += 1;
    current.s3Bytes += bytes.length;
    if (response.status !== (range ? 206 : 200)) {
      current.s3Errors += 1;
      throw new Error(`S3 answered ${response.status} to ${range ?? 'a GET'}`);
    }
    return { bytes, total: range ? Number(response.headers.get('content-range')?.split('/')[1]) : bytes.length };
  };

  log('listening: the seed videos through the admin upload path');
  let token;
  for (let attempt = 0; attempt < 150 && !token; attempt += 1) {
    const answer = await fetch(`${tall.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) }).catch(() => undefined);
    if (answer?.ok) token = (await answer.json()).accessToken;
    else await sleep(200);
  }
  if (!token) throw new Error('the benchmark admin could not sign in');
  const { videos } = await seedListening({ apiUrl: tall.url, token });
  const videoIds = videos.map((video) => video.id);

  log(`listening: ${STUDENTS} students`);
  const students = [];
  for (let index = 0; index < STUDENTS; index += 1) {
    const registered = await api('POST', '/auth/register', undefined, {
      email: `bench.listening.${index}.${randomUUID().slice(0, 8)}@bench.example`,
      password: 'bench listening passphrase 0123',
      firstName: 'Bench',
      lastName: 'Listener',
    });
    students.push(registered.accessToken);
  }

  /** One play of one video, as a player at SPEED: range reads just ahead of the playhead, the position every 2 s, each question as it comes. */
  const play = async (student, videoId, deadline) => {
    const video = await api('GET', `/listening/videos/${videoId}`, student);
    for (const subtitle of video.subtitles) await fromS3(subtitle.url);
    const first = await fromS3(video.streamUrl, `bytes=0-${CHUNK_BYTES - 1}`);
    const total = first.total;
    let buffered = first.bytes.length;
    let position = 0;
    let reported = 0;
    let lastReport = Date.now();
    const unanswered = [...video.questions];
    await api('PUT', `/listening/videos/${videoId}/position`, student, { positionSeconds: 0, watchedSeconds: 0 });
    current.positions += 1;
    while (position < video.durationSeconds && Date.now() < deadline) {
      await sleep(TICK_MS);
      position = Math.min(video.durationSeconds, position + (TICK_MS / 1000) * SPEED);
      // Keep one chunk buffered ahead of the playhead, as a player does.
      const needed = Math.min(total, Math.ceil((position / video.durationSeconds) * total) + CHUNK_BYTES);
      while (buffered < needed) {
        const chunk = await fromS3(video.streamUrl, `bytes=${buffered}-${Math.min(total, buffered + CHUNK_BYTES) - 1}`);
        buffered += chunk.bytes.length;
      }
      while (unanswered.length && unanswered[0].atSeconds <= position) {
        const question = unanswered.shift();
        const answer = question.kind === 'multipleChoice' ? 0 : question.kind === 'trueFalse' ? true : 'bench';
        await api('POST', `/listening/videos/${videoId}/answers`, student, { questionId: question.id, answer, positionSeconds: question.atSeconds });
        current.answers += 1;
      }
      if (Date.now() - lastReport >= POSITION_EVERY_MS || position >= video.durationSeconds) {
        await api('PUT', `/listening/videos/${videoId}/position`, student, { positionSeconds: round(position, 3), watchedSeconds: round(position - reported, 3) });
        current.positions += 1;
        reported = position;
        lastReport = Date.now();
      }
    }
    if (position >= video.durationSeconds) current.plays += 1;
  };

  const stream = async (seconds) => {
    const deadline = Date.now() + seconds * 1000;
    await Promise.all(
      students.map(async (student, index) => {
        for (let plays = 0; Date.now() < deadline; plays += 1) {
          await play(student, videoIds[(index + plays) % videoIds.length], deadline).catch(async () => {
            current.failedPlays += 1;
            await sleep(TICK_MS);
          });
        }
      }),
    );
  };
  const poll = async (seconds) => {
    const deadline = Date.now() + seconds * 1000;
    await Promise.all(
      students.map(async (_, index) => {
        await sleep((index * BASELINE_EVERY_MS) / students.length); // spread over the second
        while (Date.now() < deadline) {
          const started = performance.now();
          const response = await fetch(`${tall.url}/health/live`).catch(() => undefined);
          await response?.arrayBuffer();
          current.api += 1;
          current.apiLatencies.push(performance.now() - started);
          if (!response?.ok) current.apiErrors += 1;
          await sleep(BASELINE_EVERY_MS);
        }
      }),
    );
  };
  /** Runs one phase with fresh counters, RSS sampled and the kernel's peak mark reset. */
  const phase = async (label, work) => {
    log(`listening: ${label}, ${DURATION_S}s`);
    current = stats();
    resetPeakRss(pid);
    const heapAtStart = await heapUsedMb(tall.url, metricsHeaders);
    const stop = sampleRss(pid);
    const started = Date.now();
    await work(DURATION_S);
    const seconds = (Date.now() - started) / 1000;
    const rss = stop();
    const heap = { startMb: heapAtStart, endMb: await heapUsedMb(tall.url, metricsHeaders) };
    return { ...current, seconds, heap, rss: { ...rss, peakMb: Math.max(rss.sampledPeakMb, peakRssMb(pid)) } };
  };

  const idle = await phase(`baseline: ${STUDENTS} students polling GET /health/live once a second`, poll);
  log(`listening: warm-up, ${WARM_UP_S}s of streaming`);
  await stream(WARM_UP_S);
  const busy = await phase(`${STUDENTS} students streaming at ${SPEED}× speed`, stream);

  const flat = busy.rss.endMb / busy.rss.startMb;
  const overBaseline = busy.rss.peakMb / idle.rss.peakMb;
  const errors = busy.failedPlays;
  const mb = (value) => value.toFixed(0);
  const perSecond = (count, seconds) => Math.round(count / seconds);
  return [
    {
      name: `listening: API RSS while ${STUDENTS} students stream for ${DURATION_S}s (vs the same students polling /health/live)`,
      tall: { rps: perSecond(busy.api, busy.seconds), p99: round(p99(busy.apiLatencies), 1), errors },
      base: { rps: perSecond(idle.api, idle.seconds), p99: round(p99(idle.apiLatencies), 1), errors: idle.apiErrors },
      ratio: flat,
      met: flat <= 1.1 && errors === 0,
      targetText: 'flat: RSS end ÷ start (the ratio column) ≤ 110%, no errors',
      peakRssMb: Math.round(busy.rss.peakMb),
      details: [
        `listening, streaming: RSS start ${mb(busy.rss.startMb)} MB, end ${mb(busy.rss.endMb)} MB, peak ${mb(busy.rss.peakMb)} MB; end ÷ start ${round(flat)}, peak ÷ baseline peak ${round(overBaseline)}; ` +
          `by quarter ${busy.rss.quarters.map(mb).join(' → ')} MB; V8 heap in use ${mb(busy.heap.startMb)} → ${mb(busy.heap.endMb)} MB`,
        `listening, baseline: RSS start ${mb(idle.rss.startMb)} MB, end ${mb(idle.rss.endMb)} MB, peak ${mb(idle.rss.peakMb)} MB; end ÷ start ${round(idle.rss.endMb / idle.rss.startMb)}; ` +
          `by quarter ${idle.rss.quarters.map(mb).join(' → ')} MB; V8 heap in use ${mb(idle.heap.startMb)} → ${mb(idle.heap.endMb)} MB`,
        `listening, throughput: API ${perSecond(busy.api, busy.seconds)} req/s (p99 ${round(p99(busy.apiLatencies), 1)} ms; ${busy.positions} positions, ${busy.answers} answers, ${busy.plays} plays to the end), ` +
          `S3 ${perSecond(busy.s3, busy.seconds)} GETs/s, ${(busy.s3Bytes / busy.seconds / 1024 / 1024).toFixed(2)} MB/s through pre-signed URLs; ` +
          `${busy.failedPlays} plays failed (API non-2xx ${busy.apiErrors}, S3 non-2xx ${busy.s3Errors}); ` +
          `baseline ${perSecond(idle.api, idle.seconds)} req/s`,
        `listening, API latency by route: ${Object.entries(busy.byRoute)
          .map(([route, latencies]) => `${route} p50 ${round(median(latencies), 1)} / p99 ${round(p99(latencies), 1)} ms (${latencies.length})`)
          .join(', ')}`,
      ],
    },
  ];
}
