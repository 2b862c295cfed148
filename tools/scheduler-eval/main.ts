// `npm run scheduler:eval`: simulated learners with a known forgetting curve, scheduled by the
// thematic-cards algorithm (as configured by default), FSRS with ts-fsrs defaults, and SM-2.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fsrsScheduler, sm2Scheduler } from './schedulers';
import { simulate, type Scheduler, type SimulationOptions, type SimulationResult } from './simulation';
import { thematicScheduler } from './thematic';

const populations: { name: string; halfLifeDays: [number, number] }[] = [
  { name: 'newcomers (a new word half-remembered after 1.5–5.5 days)', halfLifeDays: [1.5, 5.5] },
  { name: 'practised learners (after 4–12 days)', halfLifeDays: [4, 12] },
];
const base = {
  learners: Number(process.env.EVAL_LEARNERS ?? 200),
  newPerDay: 10,
  introductionDays: 10,
  horizonDays: 30,
  seed: Number(process.env.EVAL_SEED ?? 20261122),
};

const header = ['scheduler', 'reviews', 'retained at day 30', 'retention', 'reviews / retained word', 'RMSE'];
const report: { population: string; options: SimulationOptions; results: SimulationResult[] }[] = [];
console.log(`${base.learners} simulated learners per population, ${base.newPerDay} new words a day for ${base.introductionDays} days, one session a day, measured on day ${base.horizonDays} (seed ${base.seed})`);
for (const population of populations) {
  const options: SimulationOptions = { ...base, halfLifeDays: population.halfLifeDays };
  const schedulers = [thematicScheduler(), fsrsScheduler(), sm2Scheduler()] as Scheduler[];
  const results = schedulers.map((scheduler) => simulate(scheduler, options));
  report.push({ population: population.name, options, results });
  const rows = results.map((r) => [r.scheduler, String(r.reviews), `${r.retained} of ${r.words}`, `${(r.retention * 100).toFixed(1)}%`, r.reviewsPerRetainedWord.toFixed(2), r.rmse.toFixed(3)]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${population.name}\n`);
  console.log([line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
}

const directory = join(__dirname, '../../bench-results');
mkdirSync(directory, { recursive: true });
writeFileSync(join(directory, 'scheduler-eval.json'), JSON.stringify(report, null, 2));
