import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiProblem } from '@tall/client/api';
import type { TextSummary } from './reader-types';
import type { ImportSource, TextUpload } from './text-upload';

/** The files the reader imports. */
export const IMPORT_EXTENSIONS = ['.txt', '.epub', '.srt', '.vtt'] as const;
/** The largest file the API takes (it answers 413 above). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_TITLE_LENGTH = 200;

export type ImportPhase = 'idle' | 'uploading' | 'processing' | 'done' | 'failed';

export interface ImportState {
  phase: ImportPhase;
  /** Share of the upload sent, 0–100; null when the browser cannot tell. */
  percent: number | null;
  created: TextSummary | null;
  problem: ApiProblem | null;
  /** Checks the text or file here first (type, size), then uploads it. */
  start(source: ImportSource): Promise<TextSummary | null>;
  cancel(): void;
  reset(): void;
}

export type ImportStore = StoreApi<ImportState>;

/** Why a file cannot be imported, found before sending it; null when it may be sent. */
export function checkImportFile(file: Pick<File, 'name' | 'size'>): ApiProblem | null {
  const name = file.name.toLowerCase();
  if (!IMPORT_EXTENSIONS.some((extension) => name.endsWith(extension))) {
    return new ApiProblem(415, 'UNSUPPORTED_TYPE', `${file.name} cannot be imported: use .txt, .epub, .srt or .vtt, or paste the text`);
  }
  if (file.size > MAX_IMPORT_BYTES) return new ApiProblem(413, 'TOO_LARGE', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  if (file.size === 0) return new ApiProblem(422, 'EMPTY_FILE', 'The file is empty');
  return null;
}

/** Importing a text of the student's own: pasted or uploaded, with the upload's progress. */
export function createImportStore(upload: TextUpload): ImportStore {
  let controller: AbortController | null = null;
  return createStore<ImportState>()((set, get) => ({
    phase: 'idle',
    percent: null,
    created: null,
    problem: null,

    async start(source) {
      if (get().phase === 'uploading' || get().phase === 'processing') return null;
      const early = source.kind === 'file' ? checkImportFile(source.file) : null;
      if (early) {
        set({ phase: 'failed', problem: early, percent: null });
        return null;
      }
      const mine = new AbortController();
      controller = mine;
      set({ phase: 'uploading', percent: 0, created: null, problem: null });
      try {
        const created = await upload(
          source,
          {
            progress: (loaded, total) => {
              if (controller === mine && get().phase === 'uploading') set({ percent: total ? Math.min(100, Math.round((loaded / total) * 100)) : null });
            },
            uploaded: () => {
              if (controller === mine && get().phase === 'uploading') set({ phase: 'processing', percent: 100 });
            },
          },
          mine.signal,
        );
        if (controller !== mine) return null;
        set({ phase: 'done', created });
        return created;
      } catch (error) {
        if (controller !== mine) return null;
        if (error instanceof DOMException && error.name === 'AbortError') set({ phase: 'idle', percent: null });
        else set({ phase: 'failed', problem: error instanceof ApiProblem ? error : ApiProblem.network(error) });
        return null;
      } finally {
        if (controller === mine) controller = null;
      }
    },

    cancel() {
      const running = controller;
      controller = null;
      running?.abort();
      set({ phase: 'idle', percent: null });
    },

    reset() {
      controller?.abort();
      controller = null;
      set({ phase: 'idle', percent: null, created: null, problem: null });
    },
  }));
}
