// `npm run scheduler:eval`: simulated learners with a known forgetting curve, scheduled by the
// thematic-cards algorithm (as configured by default), FSRS with ts-fsrs defaults, and SM-2.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fsrsScheduler, sm2Scheduler } from './schedulers';
import { simulate, type Scheduler, type SimulationOptions, type SimulationResult } from './simulation';
import { thematicScheduler } from './thematic';

const options: SimulationOptions = {
  learners: Number(process.env.EVAL_LEARNERS ?? 200),
  newPerDay: 10,
  introductionDays: 10,
  horizonDays: 30,
  seed: Number(process.env.EVAL_SEED ?? 20261122),
};

const schedulers: Scheduler[] = [thematicScheduler(), fsrsScheduler(), sm2Scheduler()] as Scheduler[];
const results: SimulationResult[] = schedulers.map((scheduler) => simulate(scheduler, options));

const header = ['scheduler', 'reviews', 'retained at day 30', 'retention', 'reviews / retained word', 'RMSE'];
const rows = results.map((r) => [r.scheduler, String(r.reviews), `${r.retained} of ${r.words}`, `${(r.retention * 100).toFixed(1)}%`, r.reviewsPerRetainedWord.toFixed(2), r.rmse.toFixed(3)]);
const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
console.log(
  `${options.learners} simulated learners, ${options.newPerDay} new words a day for ${options.introductionDays} days, one session a day, measured on day ${options.horizonDays} (seed ${options.seed})\n`,
);
console.log([line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));

const directory = join(__dirname, '../../bench-results');
mkdirSync(directory, { recursive: true });
writeFileSync(join(directory, 'scheduler-eval.json'), JSON.stringify({ options, results }, null, 2));
