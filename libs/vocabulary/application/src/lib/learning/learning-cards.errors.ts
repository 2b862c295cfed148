import { ApiError } from '@tall/platform/http';

/**
 * Refusals of the learning-cards use cases. They are ApiErrors, so the HTTP error filter (and the
 * batch endpoint, through mapError) turns them into the error envelope as they are.
 */
export class LearningCardsError extends ApiError {
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(status, code, message, details);
    this.name = 'LearningCardsError';
  }
}

export const learningErrors = {
  /** An unknown id, a removed word, or another student's word: all look the same. */
  wordNotFound: () => new LearningCardsError(404, 'LEARNING_WORD_NOT_FOUND', 'Word not found in your dictionary'),
  dictionaryWordNotFound: () => new LearningCardsError(404, 'DICTIONARY_WORD_NOT_FOUND', 'Dictionary word not found'),
  wordExists: (userWordId: string) =>
    new LearningCardsError(409, 'LEARNING_WORD_EXISTS', 'This word is already in your dictionary', { userWordId }),
  reviewIdConflict: () =>
    new LearningCardsError(409, 'REVIEW_ID_CONFLICT', 'This reviewId was already used for another card; send a new reviewId for a new review'),
  answeredInFuture: (maxSkewMs: number) =>
    new LearningCardsError(400, 'VALIDATION_FAILED', 'The request is invalid', {
      fields: [{ field: 'answeredAt', code: 'too_far_in_future', message: `Must not be more than ${maxSkewMs / 1000} s ahead of the server's clock` }],
    }),
  busy: () => new LearningCardsError(409, 'LEARNING_CARD_BUSY', 'The card is being changed by other requests right now; try again'),
  accountErased: () => new LearningCardsError(410, 'LEARNING_ACCOUNT_ERASED', 'Your learning data was erased'),
  dictionaryUnavailable: () =>
    new LearningCardsError(503, 'SERVICE_UNAVAILABLE', 'A service Tall depends on is unavailable: dictionary', { dependency: 'dictionary' }),
};
