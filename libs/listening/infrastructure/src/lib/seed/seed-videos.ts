import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SeedVideoSchema, type SeedVideo } from '@tall/listening/domain';

/** The listening seed's scripts: `<nn>-<slug>.json`, read by the seed tool that makes and uploads their videos (tools/media). */
export const SEED_VIDEOS_DIR = join(__dirname, '../../assets/seed/videos');

/** Every seed script, checked against its schema, in file order. */
export function readSeedVideos(directory = SEED_VIDEOS_DIR): Array<{ file: string; video: SeedVideo }> {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = SeedVideoSchema.safeParse(JSON.parse(readFileSync(join(directory, file), 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      return { file, video: parsed.data };
    });
}
