import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiProblem } from '@tall/client/api';
import type { ReaderApi } from './reader-api';
import type { AttemptResult, PublicQuestion, ReaderTest, TestAnswer } from './reader-types';

export interface TestState {
  test: ReaderTest | null;
  /** The text has no test (404). */
  missing: boolean;
  loading: boolean;
  /** The student's answers by question id; an order question starts in the order shown. */
  answers: Record<string, TestAnswer>;
  submitting: boolean;
  /** The last attempt's marks; null while answering. */
  result: AttemptResult | null;
  problem: ApiProblem | null;
  load(textId: string): Promise<void>;
  answer(questionId: string, answer: TestAnswer): void;
  submit(): Promise<AttemptResult | null>;
  /** Clears the answers and the result for another attempt. */
  again(): void;
  clearProblem(): void;
}

export type TestStore = StoreApi<TestState>;

/** Whether a question has an answer the API will take. */
export function isAnswered(question: PublicQuestion, answer: TestAnswer | undefined): boolean {
  switch (question.type) {
    case 'multipleChoice':
      return typeof answer === 'number' && answer >= 0 && answer < question.options.length;
    case 'trueFalse':
      return typeof answer === 'boolean';
    case 'shortAnswer':
      return typeof answer === 'string' && answer.trim().length > 0;
    case 'order':
      return Array.isArray(answer) && answer.length === question.items.length;
  }
}

function startingAnswers(test: ReaderTest): Record<string, TestAnswer> {
  const answers: Record<string, TestAnswer> = {};
  for (const question of test.questions) if (question.type === 'order') answers[question.id] = [...question.items];
  return answers;
}

/** A text's comprehension test: answer, submit, see the marks and the earlier attempts. */
export function createTestStore(api: ReaderApi): TestStore {
  let generation = 0;
  return createStore<TestState>()((set, get) => {
    const problemOf = (error: unknown) => (error instanceof ApiProblem ? error : ApiProblem.network(error));
    return {
      test: null,
      missing: false,
      loading: false,
      answers: {},
      submitting: false,
      result: null,
      problem: null,

      async load(textId) {
        const mine = ++generation;
        set({ test: null, missing: false, loading: true, answers: {}, result: null, problem: null });
        try {
          const test = await api.getTest(textId);
          if (mine === generation) set({ test, answers: startingAnswers(test), loading: false });
        } catch (error) {
          if (mine !== generation) return;
          const problem = problemOf(error);
          set(problem.status === 404 ? { loading: false, missing: true } : { loading: false, problem });
        }
      },

      answer(questionId, answer) {
        if (get().result) return;
        set((state) => ({ answers: { ...state.answers, [questionId]: answer } }));
      },

      async submit() {
        const { test, answers, submitting, result } = get();
        if (!test || submitting || result) return null;
        const body = {
          answers: test.questions
            .filter((question) => isAnswered(question, answers[question.id]))
            .map((question) => {
              const answer = answers[question.id];
              return { questionId: question.id, answer: typeof answer === 'string' ? answer.trim() : answer };
            }),
        };
        set({ submitting: true, problem: null });
        try {
          const marked = await api.submitAttempt(test.textId, body);
          set((state) => ({
            submitting: false,
            result: marked,
            test: state.test && { ...state.test, attempts: [{ id: marked.id, score: marked.score, maxScore: marked.maxScore, at: marked.at }, ...state.test.attempts] },
          }));
          return marked;
        } catch (error) {
          set({ submitting: false, problem: problemOf(error) });
          return null;
        }
      },

      again() {
        const test = get().test;
        set({ result: null, answers: test ? startingAnswers(test) : {}, problem: null });
      },

      clearProblem() {
        set({ problem: null });
      },
    };
  });
}
