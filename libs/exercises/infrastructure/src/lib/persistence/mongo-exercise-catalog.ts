import type { Model } from 'mongoose';
import type { AuthoredExercise, ExerciseCatalog } from '@tall/exercises/application';
import { ExerciseSchema } from '@tall/exercises/domain';
import type { Logger } from '@tall/platform/observability';
import type { AuthoredExerciseDocument } from './exercises-models';

/**
 * Published authored exercises, kept in memory: a few hundred that change when an admin
 * publishes, read on every list. Read again after `maxAgeMs`, or at once after `invalidate()`.
 * A stored exercise that does not read as one (an edit gone wrong) is left out, never served.
 */
export class MongoExerciseCatalog implements ExerciseCatalog {
  private cached: { at: number; byId: Map<string, AuthoredExercise> } | null = null;
  private loading: Promise<Map<string, AuthoredExercise>> | null = null;

  constructor(
    private readonly exercises: Model<AuthoredExerciseDocument>,
    private readonly options: { maxAgeMs?: number; now?: () => number; logger?: Logger } = {},
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.exercises.collection.createIndex({ status: 1, level: 1, type: 1 }, { name: 'status_level_type' });
  }

  async published(): Promise<AuthoredExercise[]> {
    return [...(await this.current()).values()];
  }

  async get(id: string): Promise<AuthoredExercise | null> {
    return (await this.current()).get(id) ?? null;
  }

  /** The exercises changed (a seed load, an admin's publish): the next read asks the database. */
  invalidate(): void {
    this.cached = null;
  }

  private async current(): Promise<Map<string, AuthoredExercise>> {
    const now = this.options.now ?? Date.now;
    if (this.cached && now() - this.cached.at < (this.options.maxAgeMs ?? 30_000)) return this.cached.byId;
    this.loading ??= this.exercises
      .find({ status: 'published' }, { exercise: 1, version: 1 })
      .lean<Array<Pick<AuthoredExerciseDocument, '_id' | 'exercise' | 'version'>>>()
      .then((documents) => {
        const byId = new Map<string, AuthoredExercise>();
        for (const document of documents) {
          const parsed = ExerciseSchema.safeParse(document.exercise);
          if (parsed.success && parsed.data.id === document._id) byId.set(document._id, { exercise: parsed.data, version: document.version });
          else this.options.logger?.warn({ exerciseId: document._id }, 'a stored exercise does not read as one; it is not served');
        }
        this.cached = { at: now(), byId };
        return byId;
      })
      .finally(() => (this.loading = null));
    return this.loading;
  }
}
