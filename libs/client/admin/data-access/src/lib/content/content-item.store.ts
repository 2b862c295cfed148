import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiProblem } from '@tall/client/api';
import type { ContentApi } from './content-api';
import type { ContentHistoryEntry, ContentItem, ContentKind } from './content-types';
import { serverFieldErrors } from './field-problems';

export type EditorAction = 'save' | 'submit' | 'publish' | 'archive';

/** The item changed since the revision the editor started from. */
export const CONTENT_CHANGED = 'CONTENT_CHANGED';
/** The admin who submitted it publishes it only with an override reason (403). */
export const SECOND_ADMIN_REQUIRED = 'SECOND_ADMIN_REQUIRED';

export interface ContentItemState {
  kind: ContentKind;
  /** The item as the API last gave it; null while new (not created yet) or loading. */
  item: ContentItem | null;
  /** The working copy being edited. */
  content: Record<string, unknown>;
  /** What `content` started from: the item's content, or the blank of a new one. */
  baseline: Record<string, unknown>;
  /** The working copy differs from what was loaded or saved. */
  dirty: boolean;
  loading: boolean;
  /** No such item (404). */
  missing: boolean;
  /** The action under way, if any. */
  busy: EditorAction | null;
  problem: ApiProblem | null;
  /** Someone else saved or moved the item since it was loaded here (409 CONTENT_CHANGED; other 409s are problems). */
  conflict: boolean;
  /** The API's messages per field of the last refused save, by the path into the content. */
  serverErrors: Record<string, string>;
  history: ContentHistoryEntry[] | null;
  historyLoading: boolean;
  historyProblem: ApiProblem | null;
  load(kind: ContentKind, id: string): Promise<void>;
  /** A new item of `kind`, starting from `content` (a blank, or a topic already chosen). */
  startNew(kind: ContentKind, content: Record<string, unknown>): void;
  edit(content: Record<string, unknown>): void;
  /** Creates the item, or saves the working copy against the revision it started from. */
  save(): Promise<ContentItem | null>;
  submit(): Promise<ContentItem | null>;
  /** `overrideReason` when the admin who submitted it publishes it. */
  publish(overrideReason?: string): Promise<ContentItem | null>;
  archive(): Promise<ContentItem | null>;
  /** Loads the item again, dropping the edits made here (after a conflict). */
  reload(): Promise<void>;
  loadHistory(): Promise<void>;
  clearProblem(): void;
}

export type ContentItemStore = StoreApi<ContentItemState>;

/** The same content, whatever the order of its keys. */
export function sameContent(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner,
  );
}

/** The value at a dotted path of the content (`translations.en`). */
export function valueAt(content: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), content);
}

/**
 * The workflow moves an item's status allows: a draft goes to review, an item in review is
 * published, and what students get (a published version) may be archived.
 */
export function allowedActions(item: ContentItem | null): { submit: boolean; publish: boolean; archive: boolean } {
  const status = item?.status;
  return { submit: status === 'draft', publish: status === 'in_review', archive: !!item && status !== 'archived' && item.publishedVersion > 0 };
}

/** The admin who sent it to review may publish it only with a reason (kept in the history). */
export function needsOverride(item: ContentItem | null, userId: string | null | undefined): boolean {
  return !!item && !!userId && item.status === 'in_review' && item.submittedBy === userId;
}

/** One content item in the editor: load, edit with dirty tracking, save against its revision, move it through review, its history. */
export function createContentItemStore(api: ContentApi): ContentItemStore {
  let generation = 0;
  return createStore<ContentItemState>()((set, get) => {
    const problemOf = (error: unknown) => (error instanceof ApiProblem ? error : ApiProblem.network(error));
    const loaded = (item: ContentItem) => ({ item, kind: item.kind, content: item.content, baseline: item.content, dirty: false, conflict: false, serverErrors: {} });

    /** Runs one action against the item; a refusal is kept (409 as a conflict, 400 and 422 per field). */
    const act = async (action: EditorAction, work: () => Promise<ContentItem>): Promise<ContentItem | null> => {
      if (get().busy) return null;
      const mine = generation;
      set({ busy: action, problem: null });
      try {
        const item = await work();
        if (mine !== generation) return null;
        set({ ...loaded(item), busy: null });
        if (get().history) void get().loadHistory();
        return item;
      } catch (error) {
        if (mine !== generation) return null;
        const problem = problemOf(error);
        set({
          busy: null,
          ...(problem.code === CONTENT_CHANGED ? { conflict: true, problem: null } : { problem }),
          ...(problem.status === 400 || problem.status === 422 ? { serverErrors: serverFieldErrors(problem) } : {}),
        });
        return null;
      }
    };
    /** A move of the workflow, on the saved item only: the page asks for a save first. */
    const move = (action: Exclude<EditorAction, 'save'>, work: (item: ContentItem) => Promise<ContentItem>) => {
      const { item, dirty } = get();
      return item && !dirty ? act(action, () => work(item)) : Promise.resolve(null);
    };

    return {
      kind: 'words',
      item: null,
      content: {},
      baseline: {},
      dirty: false,
      loading: false,
      missing: false,
      busy: null,
      problem: null,
      conflict: false,
      serverErrors: {},
      history: null,
      historyLoading: false,
      historyProblem: null,

      async load(kind, id) {
        const mine = ++generation;
        set({ kind, item: null, content: {}, baseline: {}, dirty: false, loading: true, missing: false, busy: null, problem: null, conflict: false, serverErrors: {}, history: null, historyProblem: null });
        try {
          const item = await api.get(kind, id);
          if (mine === generation) set({ ...loaded(item), loading: false });
        } catch (error) {
          if (mine !== generation) return;
          const problem = problemOf(error);
          set(problem.status === 404 ? { loading: false, missing: true } : { loading: false, problem });
        }
      },

      startNew(kind, content) {
        generation++;
        set({ kind, item: null, content, baseline: content, dirty: false, loading: false, missing: false, busy: null, problem: null, conflict: false, serverErrors: {}, history: null, historyProblem: null });
      },

      edit(content) {
        const { serverErrors, content: before } = get();
        // A field the API refused stops being marked once it is changed.
        const stillRefused = Object.fromEntries(Object.entries(serverErrors).filter(([path]) => sameContent(valueAt(before, path), valueAt(content, path))));
        set({ content, dirty: !sameContent(content, get().baseline), serverErrors: stillRefused });
      },

      save() {
        const { item, kind, content } = get();
        return act('save', () => (item ? api.edit(kind, item.id, content, item.revision) : api.create(kind, content)));
      },

      submit: () => move('submit', (item) => api.submit(item.kind, item.id, item.revision)),
      publish: (overrideReason) => move('publish', (item) => api.publish(item.kind, item.id, item.revision, overrideReason?.trim() || undefined)),
      archive: () => move('archive', (item) => api.archive(item.kind, item.id, item.revision)),

      async reload() {
        const { item, kind } = get();
        if (item) await get().load(kind, item.id);
      },

      async loadHistory() {
        const { item } = get();
        if (!item) return;
        const mine = generation;
        set({ historyLoading: true, historyProblem: null });
        try {
          const history = await api.history(item.kind, item.id);
          if (mine === generation) set({ history: [...history.entries].sort((a, b) => b.revision - a.revision), historyLoading: false });
        } catch (error) {
          if (mine === generation) set({ historyLoading: false, historyProblem: problemOf(error) });
        }
      },

      clearProblem() {
        set({ problem: null });
      },
    };
  });
}
