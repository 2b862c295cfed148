import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiProblem } from '@tall/client/api';
import { attemptBody, moved, startingAnswers, withBlank, withBucket, withMatch, type Answers, type BlankRef } from './exercise-answers';
import type { ExercisesApi } from './exercises-api';
import type { ExerciseAttemptResult, PublicExercise } from './exercise-types';

export interface ExerciseState {
  exercise: PublicExercise | null;
  /** No such exercise (404): never one, or another student's weekly one. */
  missing: boolean;
  loading: boolean;
  answers: Answers;
  submitting: boolean;
  /** The marks of the attempt just handed in; null while answering. */
  result: ExerciseAttemptResult | null;
  problem: ApiProblem | null;
  load(id: string): Promise<void>;
  /** Order: moves a token of a sentence to another place. */
  moveToken(itemId: string, from: number, to: number): void;
  /** Match: gives an option to an item (taking it from any other), or null to take it away. */
  match(itemId: string, option: string | null): void;
  /** Buckets: puts an item in a bucket, or null back among the unsorted. */
  sort(itemId: string, bucketId: string | null): void;
  /** Cloze: the text of one blank. */
  fill(blank: BlankRef, text: string): void;
  submit(): Promise<ExerciseAttemptResult | null>;
  /** Back to the starting answers for another attempt. */
  again(): void;
  clearProblem(): void;
}

export type ExerciseStore = StoreApi<ExerciseState>;

/** One exercise: answer it by its type's moves, hand it in, see the marks, try again. */
export function createExerciseStore(api: ExercisesApi): ExerciseStore {
  let generation = 0;
  return createStore<ExerciseState>()((set, get) => {
    const problemOf = (error: unknown) => (error instanceof ApiProblem ? error : ApiProblem.network(error));
    /** Answers are locked once marked, until the student tries again. */
    const change = (next: (answers: Answers, exercise: PublicExercise) => Answers) => {
      const { exercise, result, answers } = get();
      if (!exercise || result) return;
      set({ answers: next(answers, exercise) });
    };
    return {
      exercise: null,
      missing: false,
      loading: false,
      answers: {},
      submitting: false,
      result: null,
      problem: null,

      async load(id) {
        const mine = ++generation;
        set({ exercise: null, missing: false, loading: true, answers: {}, result: null, problem: null, submitting: false });
        try {
          const exercise = await api.getExercise(id);
          if (mine === generation) set({ exercise, answers: startingAnswers(exercise), loading: false });
        } catch (error) {
          if (mine !== generation) return;
          const problem = problemOf(error);
          set(problem.status === 404 ? { loading: false, missing: true } : { loading: false, problem });
        }
      },

      moveToken(itemId, from, to) {
        change((answers) => {
          const tokens = answers[itemId];
          return Array.isArray(tokens) && from !== to ? { ...answers, [itemId]: moved(tokens, from, to) } : answers;
        });
      },

      match(itemId, option) {
        change((answers) => withMatch(answers, itemId, option));
      },

      sort(itemId, bucketId) {
        change((answers) => withBucket(answers, itemId, bucketId));
      },

      fill(blank, text) {
        change((answers, exercise) => {
          const item = exercise.type === 'cloze' ? exercise.items.find((candidate) => candidate.id === blank.itemId) : undefined;
          return item ? withBlank(answers, blank, text, item.parts.length - 1) : answers;
        });
      },

      async submit() {
        const { exercise, answers, submitting, result } = get();
        if (!exercise || submitting || result) return null;
        set({ submitting: true, problem: null });
        const mine = generation;
        try {
          const marked = await api.submitAttempt(exercise.id, attemptBody(exercise, answers));
          if (mine !== generation) return null;
          set((state) => ({
            submitting: false,
            result: marked,
            exercise: state.exercise && { ...state.exercise, lastScore: { score: marked.score, maxScore: marked.maxScore, at: marked.at } },
          }));
          return marked;
        } catch (error) {
          if (mine === generation) set({ submitting: false, problem: problemOf(error) });
          return null;
        }
      },

      again() {
        const exercise = get().exercise;
        set({ result: null, answers: exercise ? startingAnswers(exercise) : {}, problem: null });
      },

      clearProblem() {
        set({ problem: null });
      },
    };
  });
}
