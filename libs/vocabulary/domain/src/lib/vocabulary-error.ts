import { DomainError } from '@tall/platform/errors';

export type VocabularyErrorCode =
  // dictionary and thematic cards
  | 'TOPIC_NOT_FOUND'
  | 'WORD_NOT_FOUND'
  | 'ANSWERED_AT_IN_FUTURE'
  | 'INVALID_ANSWER'
  | 'MODE_NOT_APPLICABLE'
  | 'REVIEW_CONFLICT'
  | 'REVIEW_IN_PROGRESS'
  // offline sync
  | 'BATCH_TOO_LARGE'
  // learning cards
  | 'LEARNING_WORD_NOT_FOUND'
  | 'DICTIONARY_WORD_NOT_FOUND'
  | 'LEARNING_WORD_EXISTS'
  | 'REVIEW_ID_CONFLICT'
  | 'LEARNING_CARD_BUSY'
  | 'LEARNING_ACCOUNT_ERASED'
  // Learning cards answer a review from the future as the request validation would, and a
  // missing dictionary as the platform answers a missing dependency: clients already read these.
  | 'VALIDATION_FAILED'
  | 'SERVICE_UNAVAILABLE';

/** A refusal of one of the vocabulary context's use cases. */
export class VocabularyError extends DomainError<VocabularyErrorCode> {}

/** The context's refusals, each with the message and details clients have always received. */
export const vocabularyErrors = {
  topicNotFound: () => new VocabularyError('TOPIC_NOT_FOUND', 'Topic not found'),
  wordNotFound: () => new VocabularyError('WORD_NOT_FOUND', 'Word not found'),
  answeredAtInFuture: (answeredAt: string, serverTime: Date, maxSkewMs: number) =>
    new VocabularyError('ANSWERED_AT_IN_FUTURE', `answeredAt is more than ${maxSkewMs / 60_000} minutes ahead of the server's clock`, {
      fields: [{ path: 'answeredAt', message: 'is in the future' }],
      answeredAt,
      serverTime: serverTime.toISOString(),
      maxSkewMs,
    }),
  invalidAnswer: (message: string) => new VocabularyError('INVALID_ANSWER', message, { fields: [{ path: 'answer', message }] }),
  modeNotApplicable: (message: string, details: { wordId: string; mode: string; applicableModes: readonly string[] }) =>
    new VocabularyError('MODE_NOT_APPLICABLE', message, details),
  reviewConflict: () => new VocabularyError('REVIEW_CONFLICT', 'The card changed too often at once; send the review again'),
  reviewInProgress: () => new VocabularyError('REVIEW_IN_PROGRESS', 'This review is still being applied; send it again shortly'),
  batchTooLarge: (maxReviews: number, reviews: number) =>
    new VocabularyError('BATCH_TOO_LARGE', `A batch holds at most ${maxReviews} reviews; send the rest in another batch`, { maxReviews, reviews }),

  /** An unknown id, a removed word, or another student's word: all look the same. */
  learningWordNotFound: () => new VocabularyError('LEARNING_WORD_NOT_FOUND', 'Word not found in your dictionary'),
  dictionaryWordNotFound: () => new VocabularyError('DICTIONARY_WORD_NOT_FOUND', 'Dictionary word not found'),
  learningWordExists: (userWordId: string) => new VocabularyError('LEARNING_WORD_EXISTS', 'This word is already in your dictionary', { userWordId }),
  reviewIdConflict: () =>
    new VocabularyError('REVIEW_ID_CONFLICT', 'This reviewId was already used for another card; send a new reviewId for a new review'),
  learningAnsweredInFuture: (maxSkewMs: number) =>
    // Well-formed, but later than the server's clock allows: 422, like the other rules no schema states.
    new VocabularyError('ANSWERED_AT_IN_FUTURE', 'The answer is dated in the future', {
      fields: [{ field: 'answeredAt', code: 'too_far_in_future', message: `Must not be more than ${maxSkewMs / 1000} s ahead of the server's clock` }],
    }),
  learningCardBusy: () => new VocabularyError('LEARNING_CARD_BUSY', 'The card is being changed by other requests right now; try again'),
  learningAccountErased: () => new VocabularyError('LEARNING_ACCOUNT_ERASED', 'Your learning data was erased'),
  dictionaryUnavailable: () =>
    new VocabularyError('SERVICE_UNAVAILABLE', 'A service Tall depends on is unavailable: dictionary', { dependency: 'dictionary' }),
};
