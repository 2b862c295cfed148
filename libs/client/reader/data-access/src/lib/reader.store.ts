import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiProblem } from '@tall/client/api';
import type { ReaderApi } from './reader-api';
import type { ReaderText, ReaderToken, ReadingPosition, SavedWord, WordState } from './reader-types';
import { recountStats, stateKey, stateOf, withWordState, wordRef } from './reader-words';

export interface ReadingPlace {
  paragraph: number;
  sentence: number;
}

export interface ReaderState {
  text: ReaderText | null;
  loading: boolean;
  /** Why the text could not be opened or a change was refused. */
  problem: ApiProblem | null;
  /** State keys whose change is on its way to the API. */
  updating: string[];
  /** State keys of the words saved to the learning cards during this visit. */
  saved: string[];
  /** The state key of the word being saved. */
  saving: string | null;
  /** The student reached the end of the text (now or on an earlier visit). */
  finished: boolean;
  open(id: string): Promise<void>;
  /** Marks every token of the word at once (optimistic); on refusal they go back. */
  setWordState(token: ReaderToken, state: WordState): Promise<boolean>;
  /** Saves the word with its sentence to the student's learning cards. */
  saveWord(token: ReaderToken, sentence: string): Promise<SavedWord | null>;
  /**
   * Tells the API where the student is in a text and how long they read since the last report.
   * Skipped when nothing changed; failures stay quiet (the caller keeps the seconds for the next
   * report). The text is named: the last report of a text may leave after the next text opened.
   */
  reportPosition(textId: string, place: ReadingPlace, readingSeconds: number, options?: { keepalive?: boolean }): Promise<boolean>;
  clearProblem(): void;
}

export type ReaderStore = StoreApi<ReaderState>;

/** One text in the reader: its words and their states, saved words, and the reading position. */
export function createReaderStore(api: ReaderApi): ReaderStore {
  let reported: ReadingPlace | null = null;
  // Only the newest open may write: the student can move to another text before the first arrives.
  let generation = 0;
  return createStore<ReaderState>()((set, get) => {
    const problemOf = (error: unknown) => (error instanceof ApiProblem ? error : ApiProblem.network(error));
    const applyState = (key: string, state: WordState) =>
      set((current) => {
        if (!current.text) return {};
        const paragraphs = withWordState(current.text.paragraphs, key, state);
        return { text: { ...current.text, paragraphs, stats: recountStats(paragraphs, current.text.stats) } };
      });

    return {
      text: null,
      loading: false,
      problem: null,
      updating: [],
      saved: [],
      saving: null,
      finished: false,

      async open(id) {
        const mine = ++generation;
        reported = null;
        set({ text: null, loading: true, problem: null, updating: [], saved: [], saving: null, finished: false });
        try {
          const text = await api.getText(id);
          if (mine !== generation) return;
          reported = text.position ? { paragraph: text.position.paragraph, sentence: text.position.sentence } : null;
          set({ text, loading: false, finished: text.position?.finished ?? false });
        } catch (error) {
          if (mine === generation) set({ loading: false, problem: problemOf(error) });
        }
      },

      async setWordState(token, state) {
        const text = get().text;
        if (!text || token.kind !== 'word') return false;
        const key = stateKey(token);
        const before = stateOf(token);
        if (before === state) return true;
        applyState(key, state);
        set((current) => ({ updating: [...current.updating, key], problem: null }));
        try {
          await api.setWordState({ ...wordRef(token), state });
          return true;
        } catch (error) {
          // Back to what it was, unless the student changed it again meanwhile.
          const now = get()
            .text?.paragraphs.flatMap((paragraph) => paragraph.sentences.flatMap((sentence) => sentence.tokens))
            .find((candidate) => candidate.kind === 'word' && stateKey(candidate) === key);
          if (now && stateOf(now) === state) applyState(key, before);
          set({ problem: problemOf(error) });
          return false;
        } finally {
          set((current) => {
            const index = current.updating.indexOf(key);
            return { updating: current.updating.filter((_, at) => at !== index) };
          });
        }
      },

      async saveWord(token, sentence) {
        const text = get().text;
        if (!text || token.kind !== 'word') return null;
        const key = stateKey(token);
        set({ saving: key, problem: null });
        try {
          const saved = await api.saveWord(text.id, { ...wordRef(token), sentence });
          set((current) => ({ saving: null, saved: current.saved.includes(key) ? current.saved : [...current.saved, key] }));
          // As the API does: a word newly saved to the learning cards is being learnt.
          if (!saved.alreadySaved) applyState(key, 'learning');
          return saved;
        } catch (error) {
          set({ saving: null, problem: problemOf(error) });
          return null;
        }
      },

      async reportPosition(textId, place, readingSeconds, options = {}) {
        const text = get().text?.id === textId ? get().text : null;
        let { paragraph, sentence } = place;
        if (text) {
          const last = text.paragraphs.length - 1;
          paragraph = Math.max(0, Math.min(last, paragraph));
          sentence = Math.max(0, Math.min((text.paragraphs[paragraph]?.sentences.length ?? 1) - 1, sentence));
          if (paragraph === last && !get().finished) set({ finished: true });
          if (readingSeconds <= 0 && reported?.paragraph === paragraph && reported.sentence === sentence) return true;
        }
        const body = { paragraph, sentence, readingSeconds: Math.max(0, Math.round(readingSeconds)) };
        try {
          const position: ReadingPosition = await api.savePosition(textId, body, options);
          if (get().text?.id !== textId) return true;
          reported = { paragraph, sentence };
          set((current) => (current.text ? { text: { ...current.text, position }, finished: current.finished || position.finished } : {}));
          return true;
        } catch {
          return false;
        }
      },

      clearProblem() {
        set({ problem: null });
      },
    };
  });
}
