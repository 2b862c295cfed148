import type { ExerciseLevel } from '@tall/exercises/contracts';
import type { Exercise, PracticeWord } from '@tall/exercises/domain';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { AuthoredExercise, ExerciseCatalog } from '../lib/ports/exercise-catalog.port';
import type { PracticeWordSource } from '../lib/ports/practice-words.port';
import type { ExerciseAttempt, LastResult, StudentExerciseStore } from '../lib/ports/student-exercises.port';
import type { WeeklySetRecord, WeeklySetStore } from '../lib/ports/weekly-set-store.port';

/** Copies, so a handler holding a result cannot change what is stored (as with a real database). */
const copy = <T>(value: T): T => structuredClone(value);

/** The published authored exercises in memory; an unpublished one is stored but never returned. */
export class MemoryExerciseCatalog implements ExerciseCatalog {
  private readonly exercises = new Map<string, { authored: AuthoredExercise; published: boolean }>();

  add(exercise: Exercise, { version = 1, published = true } = {}): Exercise {
    this.exercises.set(exercise.id, { authored: { exercise: copy(exercise), version }, published });
    return exercise;
  }

  async published(): Promise<AuthoredExercise[]> {
    return [...this.exercises.values()].filter((entry) => entry.published).map((entry) => copy(entry.authored));
  }

  async get(id: string): Promise<AuthoredExercise | null> {
    const entry = this.exercises.get(id);
    return entry?.published ? copy(entry.authored) : null;
  }
}

/** Students' attempts in memory, with the events each write carried. */
export class MemoryStudentExerciseStore implements StudentExerciseStore {
  readonly attempts: ExerciseAttempt[] = [];
  readonly events: EventEnvelope[] = [];

  async lastResults(userId: string): Promise<Map<string, LastResult>> {
    const last = new Map<string, LastResult>();
    for (const attempt of this.attempts.filter((candidate) => candidate.userId === userId)) {
      last.set(attempt.exerciseId, { score: attempt.score, maxScore: attempt.maxScore, level: attempt.level, at: attempt.at });
    }
    return last;
  }

  async addAttempt(attempt: ExerciseAttempt, event: EventEnvelope): Promise<void> {
    this.attempts.push(copy(attempt));
    this.events.push(copy(event));
  }

  async attemptsOf(userId: string): Promise<ExerciseAttempt[]> {
    return this.attempts.filter((attempt) => attempt.userId === userId).map(copy);
  }

  async erase(userId: string): Promise<void> {
    for (let index = this.attempts.length - 1; index >= 0; index--) if (this.attempts[index].userId === userId) this.attempts.splice(index, 1);
  }

  eventsOf(type: string): EventEnvelope[] {
    return this.events.filter((event) => event.type === type);
  }
}

export class MemoryWeeklySetStore implements WeeklySetStore {
  readonly sets = new Map<string, WeeklySetRecord>();
  inserts = 0;

  async get(userId: string, week: string): Promise<WeeklySetRecord | null> {
    const set = this.sets.get(`${userId}:${week}`);
    return set ? copy(set) : null;
  }

  async insert(set: WeeklySetRecord): Promise<WeeklySetRecord> {
    this.inserts++;
    const key = `${set.userId}:${set.week}`;
    if (!this.sets.has(key)) this.sets.set(key, copy(set));
    return copy(this.sets.get(key) as WeeklySetRecord);
  }

  async listOf(userId: string): Promise<WeeklySetRecord[]> {
    return [...this.sets.values()].filter((set) => set.userId === userId).sort((a, b) => a.week.localeCompare(b.week)).map(copy);
  }

  async erase(userId: string): Promise<void> {
    for (const [key, set] of this.sets) if (set.userId === userId) this.sets.delete(key);
  }
}

/** Vocabulary's words as the RPC source shapes them; counts what was asked. */
export class MemoryPracticeWordSource implements PracticeWordSource {
  readonly cardsOf = new Map<string, PracticeWord[]>();
  readonly dictionary = new Map<ExerciseLevel, PracticeWord[]>();
  readonly asked: string[] = [];

  async cards(userId: string): Promise<PracticeWord[]> {
    this.asked.push(`cards:${userId}`);
    return copy(this.cardsOf.get(userId) ?? []);
  }

  async levelWords(level: ExerciseLevel): Promise<PracticeWord[]> {
    this.asked.push(`level:${level}`);
    return copy(this.dictionary.get(level) ?? []);
  }
}

export class TestClock {
  constructor(public now: Date) {}

  readonly read = () => new Date(this.now);

  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }
}
