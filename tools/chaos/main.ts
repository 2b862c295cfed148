// `npm run chaos`: the chaos drills against the built API on the local stack (see drills.ts for
// what each drill does, drill-analysis.ts for what each number means). Prints one table row per
// drill with its targets met or not, and writes everything to tmp/chaos-results.json.
//
// It STOPS SERVERS of the stack it is given (TALL_STACK_DIR and the TALL_*_PORT variables, as
// tools/stack/stack.mjs reads them): run it against a stack nobody else is using.
//
//   CHAOS_DRILLS=1,2          which drills (default 1,2,3,4)
//   CHAOS_WRITES=3000         writes per drill
//   CHAOS_WRITERS=20          writers (students), each writing sequentially
//   CHAOS_OUTAGE_MS=20000     how long the broker is down (drill 1)
//   CHAOS_RATE=...            writes per second overall (default: the burst lasts about three outages)
//   CHAOS_RESTART_PAUSE_MS=0  pause between stop and start in drills 3 and 4
//   CHAOS_REBUILD=1           compile the API first even when dist/ has it
//   TALL_API_MAIN=<main.js>   run another build of the API (to compare two commits on the same stack)
//
// A missed target does not fail the run (this is a report); a drill that crashed does (exit 1).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRate, DRILLS, runDrill, type DrillNumber, type DrillResult, type StackControl } from './drills';
import { table } from './support/latency';
import { stackScript, workspaceRoot } from './support/local-stack';
import { ensureBuilt, killStartedApps } from './support/tall-app';

const log = (message: string) => process.stderr.write(`\x1b[35m[chaos]\x1b[0m ${message}\n`);
const numberFrom = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
};

async function main(): Promise<number> {
  const drills = (process.env['CHAOS_DRILLS'] ?? '1,2,3,4').split(',').map((part) => Number(part.trim()) as DrillNumber);
  const unknown = drills.filter((drill) => !DRILLS[drill]);
  if (unknown.length) throw new Error(`CHAOS_DRILLS: no drill ${unknown.join(', ')} (drills are ${Object.keys(DRILLS).join(', ')})`);
  const writes = numberFrom('CHAOS_WRITES', 3000);
  const writers = numberFrom('CHAOS_WRITERS', 20);
  const outageMs = numberFrom('CHAOS_OUTAGE_MS', 20_000);
  const options = {
    writes,
    writers,
    outageMs,
    restartPauseMs: numberFrom('CHAOS_RESTART_PAUSE_MS', 0),
    rate: numberFrom('CHAOS_RATE', defaultRate(writes, outageMs)),
    disruptAfter: 0.25,
    log,
  };

  // The servers the stack script names are the ones the drills stop.
  const script = stackScript();
  log('local stack: up');
  const stack = await script.up();
  ensureBuilt({ force: process.env['CHAOS_REBUILD'] === '1' });

  // Interrupted (Ctrl-C): start again what a drill stopped, and end the API processes started here.
  const down = new Set<string>();
  const control: StackControl = {
    stop: async (service) => {
      down.add(service);
      await script.stop(service);
    },
    start: async (service) => {
      await script.start(service);
      down.delete(service);
    },
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: starting ${[...down].join(', ') || 'nothing'} again, ending the API`);
      killStartedApps();
      void Promise.all([...down].map((service) => script.start(service))).finally(() => process.exit(130));
    });
  }

  const results: DrillResult[] = [];
  const crashed: Array<{ drill: DrillNumber; error: string }> = [];
  const resultsFile = join(workspaceRoot, 'tmp', 'chaos-results.json');
  mkdirSync(join(workspaceRoot, 'tmp'), { recursive: true });
  const save = () => writeFileSync(resultsFile, JSON.stringify({ at: new Date().toISOString(), options: { ...options, log: undefined }, results, crashed }, null, 2));
  for (const drill of drills) {
    try {
      const result = await runDrill(drill, options, stack, control);
      results.push(result);
      const m = result.metrics;
      log(`drill ${drill} done: ${m.writes.acknowledged} acknowledged, ${m.lost} lost, ${m.duplicatedEffects} duplicated effects, ${m.inversions} inversions, drain ${m.drainMs ?? 'never'} ms`);
    } catch (error) {
      log(`drill ${drill} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      crashed.push({ drill, error: String(error) });
    }
    save(); // after each drill, so an interrupted run keeps what it measured
  }

  const seconds = (ms: number | null) => (ms === null ? 'never' : (ms / 1000).toFixed(1));
  const measured = results.map(({ drill, title, metrics: m, timeline }) => [
    `${drill}. ${title}`,
    `${m.writes.acknowledged}/${m.writes.planned}`,
    String(m.writes.attempts - m.writes.acknowledged),
    String(m.lost),
    m.duplicatedEffects ? `${m.duplicatedEffects} (${m.duplicated.wordList}/${m.duplicated.readModel}/${m.duplicated.publishedTwice})` : '0',
    String(m.redeliveries),
    String(m.inversions),
    seconds(timeline.recoveredAt - timeline.disruptedAt),
    seconds(timeline.readyAt === null ? null : timeline.readyAt - timeline.disruptedAt),
    String(m.backlogAtRecovery),
    seconds(m.drainMs),
    `${m.writeLatencyDuringDrain.p99 ?? '—'} (${m.writeLatencyDuringDrain.count})`,
    String(m.writeLatency.p99 ?? '—'),
    `${m.eventLagAfterDrain.p50 ?? '—'} / ${m.eventLagAfterDrain.p99 ?? '—'}`,
  ]);
  const header = ['drill', 'acked', 'failed attempts', 'lost', 'dup effects', 'redelivered', 'inversions', 'outage s', 'ready after s', 'backlog', 'drain s', 'write p99 ms in drain (n)', 'write p99 ms', 'event lag ms after drain p50 / p99'];
  // One column per target; a drill without that target shows —.
  const targetNames = [...new Set(results.flatMap((result) => result.targets.map((target) => target.name)))];
  const verdicts = results.map(({ drill, title, targets }) => [
    `${drill}. ${title}`,
    ...targetNames.map((name) => {
      const target = targets.find((candidate) => candidate.name === name);
      return target ? `${target.met ? 'PASS' : 'FAIL'} (${target.value})` : '—';
    }),
  ]);
  process.stdout.write(
    `\nChaos drills — ${new Date().toISOString()} — ${writes} writes by ${writers} writers at ${options.rate}/s, broker outage ${outageMs / 1000} s\n\n` +
      `${table(header, measured)}\n\n${targetNames.length ? `Targets\n\n${table(['drill', ...targetNames], verdicts)}\n\n` : ''}`,
  );
  for (const { drill, metrics } of results) {
    if (Object.keys(metrics.writes.failedAttempts).length) process.stdout.write(`drill ${drill}: failed attempts by status ${JSON.stringify(metrics.writes.failedAttempts)}\n`);
    if (metrics.writes.unacknowledged || metrics.writes.abandoned) {
      process.stdout.write(`drill ${drill}: ${metrics.writes.unacknowledged} writes never acknowledged, ${metrics.writes.abandoned} abandoned (their writer found no app)\n`);
    }
    if (metrics.unreadableStudents) process.stdout.write(`drill ${drill}: word lists or progress records of ${metrics.unreadableStudents} students could not be read\n`);
    if (metrics.missingFromWordList || metrics.readModelBehind) {
      process.stdout.write(`drill ${drill}: ${metrics.missingFromWordList} acknowledged words missing from word lists, progress records ${metrics.readModelBehind} cards behind\n`);
    }
  }
  for (const { drill, error } of crashed) process.stdout.write(`drill ${drill}: CRASHED — ${error.split('\n')[0]}\n`);
  process.stdout.write('dup effects (word list / read model / published twice): see tools/chaos/drill-analysis.ts for the definitions\n');
  log(`results in ${join('tmp', 'chaos-results.json')}`);
  return crashed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
