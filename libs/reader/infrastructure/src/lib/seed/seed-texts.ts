import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SeedTextSchema, type SeedText } from '@tall/reader/domain';

/** Where the seed library's texts are (one JSON file per text, read in file-name order). */
export const SEED_TEXTS_DIR = join(__dirname, '../../assets/seed/texts');

/** The seed library, each text parsed with its schema (a file that does not parse throws, naming it). */
export function readSeedTexts(directory = SEED_TEXTS_DIR): Array<{ file: string; text: SeedText }> {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = SeedTextSchema.safeParse(JSON.parse(readFileSync(join(directory, file), 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      return { file, text: parsed.data };
    });
}
