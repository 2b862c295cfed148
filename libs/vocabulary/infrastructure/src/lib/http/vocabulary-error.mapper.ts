import { domainErrorMapper } from '@tall/platform/http';
import { VocabularyError } from '@tall/vocabulary/domain';

/** The vocabulary context's refusals as HTTP answers: on every controller, and per item of the offline batch. */
export const VocabularyErrorMapper = domainErrorMapper(VocabularyError, {
  statuses: {
    TOPIC_NOT_FOUND: 404,
    WORD_NOT_FOUND: 404,
    // A well-formed time later than the server's clock allows: a rule no schema states, so 422.
    ANSWERED_AT_IN_FUTURE: 422,
    // The answer's shape does not fit the card's mode (three verb forms for a recall card): the
    // document lets `mode` and `answer` vary independently, so this is the API's rule, 422.
    INVALID_ANSWER: 422,
    MODE_NOT_APPLICABLE: 422,
    REVIEW_CONFLICT: 409,
    REVIEW_IN_PROGRESS: 409,
    BATCH_TOO_LARGE: 413,
    LEARNING_WORD_NOT_FOUND: 404,
    DICTIONARY_WORD_NOT_FOUND: 404,
    LEARNING_WORD_EXISTS: 409,
    REVIEW_ID_CONFLICT: 409,
    LEARNING_CARD_BUSY: 409,
    LEARNING_ACCOUNT_ERASED: 410,
    VALIDATION_FAILED: 400,
    SERVICE_UNAVAILABLE: 503,
  },
});
