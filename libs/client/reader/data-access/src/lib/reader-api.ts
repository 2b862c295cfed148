import { call, type TallApi } from '@tall/client/api';
import type {
  AttemptBody,
  AttemptResult,
  PositionBody,
  ReaderTest,
  ReaderText,
  ReaderTextQuery,
  ReadingPosition,
  SaveWordBody,
  SavedWord,
  TextList,
  TextListQuery,
  WordStateBody,
  WordStateResult,
} from './reader-types';

/**
 * What the reader's pages ask of the API. Failures are thrown as ApiProblem. (Importing a text
 * goes through `createTextUpload`, which reports the upload's progress.)
 */
export interface ReaderApi {
  listTexts(query: TextListQuery): Promise<TextList>;
  getText(id: string, query?: ReaderTextQuery): Promise<ReaderText>;
  deleteText(id: string): Promise<void>;
  setWordState(body: WordStateBody): Promise<WordStateResult>;
  saveWord(textId: string, body: SaveWordBody): Promise<SavedWord>;
  /** `keepalive` lets the report outlive the page (the tab being closed). */
  savePosition(textId: string, body: PositionBody, options?: { keepalive?: boolean }): Promise<ReadingPosition>;
  getTest(textId: string): Promise<ReaderTest>;
  submitAttempt(textId: string, body: AttemptBody): Promise<AttemptResult>;
}

export function createReaderApi(api: TallApi): ReaderApi {
  const path = (id: string) => ({ params: { path: { id } } });
  return {
    listTexts: (query) => call(api.GET('/api/v1/reader/texts', { params: { query } })),
    getText: (id, query = {}) => call(api.GET('/api/v1/reader/texts/{id}', { params: { path: { id }, query } })),
    deleteText: async (id) => {
      await call(api.DELETE('/api/v1/reader/texts/{id}', path(id)));
    },
    setWordState: (body) => call(api.PUT('/api/v1/reader/words/state', { body })),
    saveWord: (textId, body) => call(api.POST('/api/v1/reader/texts/{id}/saved-words', { ...path(textId), body })),
    savePosition: (textId, body, options = {}) =>
      call(api.PUT('/api/v1/reader/texts/{id}/position', { ...path(textId), body, ...(options.keepalive ? { keepalive: true } : {}) })),
    getTest: (textId) => call(api.GET('/api/v1/reader/texts/{id}/test', path(textId))),
    submitAttempt: (textId, body) => call(api.POST('/api/v1/reader/texts/{id}/test/attempts', { ...path(textId), body })),
  };
}
