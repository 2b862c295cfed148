import type { Model } from 'mongoose';
import type { WeeklySetRecord, WeeklySetStore } from '@tall/exercises/application';
import type { ExerciseLevel } from '@tall/exercises/contracts';
import type { Exercise, WeeklyBasis } from '@tall/exercises/domain';
import type { WeeklySetDocument } from './exercises-models';

const DUPLICATE_KEY = 11000;

/** A student's sets, one document per student and week (`_id`: `<userId>:<week>`), read by `_id`. */
export class MongoWeeklySetStore implements WeeklySetStore {
  constructor(private readonly sets: Model<WeeklySetDocument>) {}

  async ensureIndexes(): Promise<void> {
    // Export and erasure find a student's sets by this index.
    await this.sets.collection.createIndex({ userId: 1, week: 1 }, { name: 'user_week' });
  }

  async get(userId: string, week: string): Promise<WeeklySetRecord | null> {
    const document = await this.sets.findOne({ _id: idOf(userId, week) }).lean<WeeklySetDocument>();
    return document ? setOf(document) : null;
  }

  async insert(set: WeeklySetRecord): Promise<WeeklySetRecord> {
    try {
      await this.sets.insertOne({ _id: idOf(set.userId, set.week), ...set });
      return set;
    } catch (error) {
      // By code: mongoose's driver and ours may be different copies of the mongodb package.
      if ((error as { code?: unknown } | null)?.code !== DUPLICATE_KEY) throw error;
    }
    // Another request made the student's set of this week first: theirs is the set.
    const stored = await this.get(set.userId, set.week);
    if (!stored) throw new Error(`weekly set ${idOf(set.userId, set.week)} vanished`);
    return stored;
  }

  async listOf(userId: string): Promise<WeeklySetRecord[]> {
    const documents = await this.sets.find({ userId }).sort({ week: 1 }).lean<WeeklySetDocument[]>();
    return documents.map(setOf);
  }

  async erase(userId: string): Promise<void> {
    await this.sets.deleteMany({ userId });
  }
}

const idOf = (userId: string, week: string) => `${userId}:${week}`;

function setOf(document: WeeklySetDocument): WeeklySetRecord {
  return {
    userId: document.userId,
    week: document.week,
    weekStart: document.weekStart,
    level: document.level as ExerciseLevel,
    basis: document.basis as WeeklyBasis,
    exercises: document.exercises as Exercise[],
    createdAt: document.createdAt,
  };
}
