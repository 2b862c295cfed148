import { ListTextsHandler } from './lib/library/list-texts/list-texts.handler';
import { DeleteOwnTextHandler } from './lib/own-texts/delete-own-text/delete-own-text.handler';
import { ImportTextHandler } from './lib/own-texts/import-text/import-text.handler';
import { OpenTextHandler } from './lib/reading/open-text/open-text.handler';
import { ReadableTexts } from './lib/reading/readable-texts';
import { SavePositionHandler } from './lib/reading/save-position/save-position.handler';
import { TextViews } from './lib/reading/text-views';
import { GetTestHandler } from './lib/tests/get-test/get-test.handler';
import { SubmitAttemptHandler } from './lib/tests/submit-attempt/submit-attempt.handler';
import { EraseReaderDataHandler } from './lib/user-data/erase-reader-data/erase-reader-data.handler';
import { ExportReaderDataHandler } from './lib/user-data/export-reader-data/export-reader-data.handler';
import { SaveWordHandler } from './lib/words/save-word/save-word.handler';
import { SetWordStateHandler } from './lib/words/set-word-state/set-word-state.handler';

export * from './lib/reader-error';
export * from './lib/ports/text-stores.port';
export * from './lib/ports/reading-store.port';
export * from './lib/ports/lexicon-source.port';
export * from './lib/ports/text-file-reader.port';
export { TextViews } from './lib/reading/text-views';
export { READING_SESSION_GAP_MS } from './lib/reading/open-text/open-text.handler';
export { PROGRESS_EVENT_INTERVAL_MS } from './lib/reading/save-position/save-position.handler';

export * from './lib/library/list-texts/list-texts.query';
export * from './lib/reading/open-text/open-text.command';
export * from './lib/reading/save-position/save-position.command';
export * from './lib/words/set-word-state/set-word-state.command';
export * from './lib/words/save-word/save-word.command';
export * from './lib/own-texts/import-text/import-text.command';
export * from './lib/own-texts/delete-own-text/delete-own-text.command';
export * from './lib/tests/get-test/get-test.query';
export * from './lib/tests/submit-attempt/submit-attempt.command';
export * from './lib/user-data/export-reader-data/export-reader-data.query';
export * from './lib/user-data/erase-reader-data/erase-reader-data.command';

/** Services the handlers share. */
export const readerCollaborators = [TextViews, ReadableTexts];
export const readerQueryHandlers = [ListTextsHandler, GetTestHandler, ExportReaderDataHandler];
export const readerCommandHandlers = [
  OpenTextHandler,
  SavePositionHandler,
  SetWordStateHandler,
  SaveWordHandler,
  ImportTextHandler,
  DeleteOwnTextHandler,
  SubmitAttemptHandler,
  EraseReaderDataHandler,
];
