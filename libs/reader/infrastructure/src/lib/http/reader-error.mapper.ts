import { domainErrorMapper } from '@tall/platform/http';
import { ReaderError } from '@tall/reader/application';

export const ReaderErrorMapper = domainErrorMapper(ReaderError, {
  statuses: {
    TEXT_NOT_FOUND: 404,
    TEST_NOT_FOUND: 404,
    WORD_NOT_FOUND: 404,
    NOT_YOUR_TEXT: 403,
    INVALID_ANSWER: 422,
    POSITION_OUT_OF_RANGE: 422,
    UNSUPPORTED_TYPE: 415,
    TOO_LARGE: 413,
    BROKEN_FILE: 422,
    EMPTY_TEXT: 422,
  },
});
