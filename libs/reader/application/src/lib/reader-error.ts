import { DomainError } from '@tall/platform/errors';

export type ReaderErrorCode =
  | 'TEXT_NOT_FOUND'
  | 'TEST_NOT_FOUND'
  | 'WORD_NOT_FOUND'
  | 'NOT_YOUR_TEXT'
  | 'INVALID_ANSWER'
  | 'POSITION_OUT_OF_RANGE'
  | 'UNSUPPORTED_TYPE'
  | 'TOO_LARGE'
  | 'BROKEN_FILE'
  | 'EMPTY_TEXT';

/** Why the reader refuses a request; infrastructure's ReaderErrorMapper gives each code its status. */
export class ReaderError extends DomainError<ReaderErrorCode> {}

export const readerErrors = {
  textNotFound: () => new ReaderError('TEXT_NOT_FOUND', 'No such text'),
  testNotFound: () => new ReaderError('TEST_NOT_FOUND', 'This text has no test'),
  wordNotFound: () => new ReaderError('WORD_NOT_FOUND', 'No such dictionary word'),
  notYourText: () => new ReaderError('NOT_YOUR_TEXT', 'Only texts you imported can be deleted; library texts stay'),
};
