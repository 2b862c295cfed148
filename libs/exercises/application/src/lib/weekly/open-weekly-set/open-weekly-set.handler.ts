import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WeeklySet } from '@tall/exercises/contracts';
import { chooseWeeklyWords, generateWeeklyExercises, publicExercise, studentLevel, WEEKLY_MIN_WORDS, weekStartOf, type PracticeWord } from '@tall/exercises/domain';
import { isoWeekOf, type IsoWeek } from '@tall/platform/calendar';
import { normalizeTypedAnswer } from '@tall/platform/text';
import { lastScoreOf } from '../../exercises/exercise-finder';
import { EXERCISES_CLOCK, PRACTICE_WORD_SOURCE, type ExercisesClock, type PracticeWordSource } from '../../ports/practice-words.port';
import { STUDENT_EXERCISE_STORE, type LastResult, type StudentExerciseStore } from '../../ports/student-exercises.port';
import { WEEKLY_SET_STORE, type WeeklySetRecord, type WeeklySetStore } from '../../ports/weekly-set-store.port';
import { OpenWeeklySetCommand } from './open-weekly-set.command';

/**
 * The week is the school's ISO week (Amsterdam). The set is made once per student and week and
 * stored: a card added later in the week does not change it, and two requests racing to make it
 * make the same set (it is deterministic) of which the first stored wins. A set that came out
 * empty (no words anywhere) is not stored, so a later request may do better.
 */
@CommandHandler(OpenWeeklySetCommand)
export class OpenWeeklySetHandler implements ICommandHandler<OpenWeeklySetCommand> {
  constructor(
    @Inject(WEEKLY_SET_STORE) private readonly sets: WeeklySetStore,
    @Inject(STUDENT_EXERCISE_STORE) private readonly students: StudentExerciseStore,
    @Inject(PRACTICE_WORD_SOURCE) private readonly words: PracticeWordSource,
    @Inject(EXERCISES_CLOCK) private readonly clock: ExercisesClock,
  ) {}

  async execute({ userId }: OpenWeeklySetCommand): Promise<WeeklySet> {
    const now = this.clock();
    const week = isoWeekOf(now);
    const last = await this.students.lastResults(userId);
    const set = (await this.sets.get(userId, week)) ?? (await this.make(userId, week, last, now));
    return {
      week,
      weekStart: set.weekStart,
      basis: set.basis,
      items: set.exercises.map((exercise) => publicExercise(exercise, { source: 'weekly', salt: exercise.id, lastScore: lastScoreOf(last.get(exercise.id)) })),
    };
  }

  private async make(userId: string, week: IsoWeek, last: ReadonlyMap<string, LastResult>, now: Date): Promise<WeeklySetRecord> {
    const level = studentLevel(latestLevel(last));
    const cards = await this.words.cards(userId);
    const dictionary = distinctLemmas(cards) < WEEKLY_MIN_WORDS ? await this.words.levelWords(level) : [];
    const { basis, words } = chooseWeeklyWords({ week, cards, dictionary, salt: `${userId}:${week}` });
    const set: WeeklySetRecord = { userId, week, weekStart: weekStartOf(week), level, basis, exercises: generateWeeklyExercises({ userId, week, level, words }), createdAt: now };
    return set.exercises.length > 0 ? this.sets.insert(set) : set;
  }
}

/** The level of the student's latest exercise, or null before their first. */
function latestLevel(last: ReadonlyMap<string, LastResult>): LastResult['level'] | null {
  let latest: LastResult | null = null;
  for (const result of last.values()) if (!latest || result.at > latest.at) latest = result;
  return latest?.level ?? null;
}

const distinctLemmas = (words: readonly PracticeWord[]) => new Set(words.map((word) => normalizeTypedAnswer(word.lemma))).size;
