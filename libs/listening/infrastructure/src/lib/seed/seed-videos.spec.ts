import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SeedVideoSchema } from '@tall/listening/domain';
import { readSeedVideos, SEED_VIDEOS_DIR } from './seed-videos';

describe('the listening seed scripts', () => {
  const seed = readSeedVideos();

  it('are three short Dutch A1–A2 videos, each named by its file', () => {
    expect(seed).toHaveLength(3);
    seed.forEach(({ file, video }, index) => expect(file).toBe(`${String(index + 1).padStart(2, '0')}-${video.slug}.json`));
    expect(new Set(seed.map(({ video }) => video.slug)).size).toBe(seed.length);
    expect(new Set(seed.map(({ video }) => video.level))).toEqual(new Set(['A1', 'A2']));
  });

  it('ask every kind of timed question, each after a sentence of its video', () => {
    const kinds = new Set(seed.flatMap(({ video }) => video.questions.map((question) => question.kind)));
    expect(kinds).toEqual(new Set(['multipleChoice', 'trueFalse', 'shortAnswer']));
    for (const { video } of seed) for (const question of video.questions) expect(question.afterSentence).toBeLessThanOrEqual(video.sentences.length);
  });

  it('are refused when a question follows a sentence the video does not have', () => {
    const [first] = readdirSync(SEED_VIDEOS_DIR).filter((file) => file.endsWith('.json'));
    const script = JSON.parse(readFileSync(join(SEED_VIDEOS_DIR, first), 'utf8'));
    script.questions[0].afterSentence = script.sentences.length + 1;
    expect(SeedVideoSchema.safeParse(script).success).toBe(false);
  });
});
