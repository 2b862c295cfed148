// The reader's atomizer on a text of over 5,000 words (the seed library's texts, one after
// another) with the whole dictionary as lexicon: median and worst time per text, and the same for
// a bare split of the text into words, the least any reader must do. Prints one JSON line.
// Run by `npm run bench` (BENCH_CASES=reader), or alone: `node -r ./tools/ts/swc-register.js tools/bench/atomize.ts`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { atomize, Lexicon, SeedTextSchema, type LexiconEntry } from '@tall/reader/domain';

const ROUNDS = Number(process.env['ATOMIZE_ROUNDS'] ?? 15);
const topicsDir = join(__dirname, '../../libs/vocabulary/infrastructure/src/assets/seed/topics');
const entries: LexiconEntry[] = readdirSync(topicsDir).flatMap((name) => {
  const topic = JSON.parse(readFileSync(join(topicsDir, name), 'utf8')) as { slug: string; level: string; words: Array<{ lemma: string; pos: string; plural?: string | null; verb?: LexiconEntry['verb'] }> };
  return topic.words.map((word, index) => ({ id: `${topic.slug}:${index}`, lemma: word.lemma, pos: word.pos, level: topic.level, plural: word.plural ?? null, verb: word.verb ?? null }));
});

// The reader's seed library, read as files (tools do not import a context's infrastructure).
const textsDir = join(__dirname, '../../libs/reader/infrastructure/src/assets/seed/texts');
const texts = readdirSync(textsDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => SeedTextSchema.parse(JSON.parse(readFileSync(join(textsDir, name), 'utf8'))).body);
let body = '';
for (let index = 0; (body.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) < 5_000; index++) body += `${texts[index % texts.length]}\n\n`;
const words = body.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

function measure(work: () => unknown): { medianMs: number; worstMs: number } {
  for (let warm = 0; warm < 3; warm++) work();
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { medianMs: Number(times[Math.floor(times.length / 2)].toFixed(2)), worstMs: Number(times[times.length - 1].toFixed(2)) };
}

// The lexicon is built once per process (the reader keeps it), so it is not in the time per text.
const lexicon = new Lexicon(entries);
const atomizer = measure(() => atomize(body, lexicon));
const split = measure(() => body.split(/\n\s*\n/).map((paragraph) => paragraph.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)));
process.stdout.write(`${JSON.stringify({ words, entries: entries.length, atomizer, split })}\n`);
