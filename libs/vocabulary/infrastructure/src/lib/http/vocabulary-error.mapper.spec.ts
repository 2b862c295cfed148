import { ApiError, errors, mapError } from '@tall/platform/http';
import { vocabularyErrors, VocabularyError } from '@tall/vocabulary/domain';
import { VocabularyErrorMapper } from './vocabulary-error.mapper';

const answered = (error: VocabularyError) => mapError(VocabularyErrorMapper.toApiError(error));
const serverTime = new Date('2026-03-02T09:00:00Z');

/**
 * Every refusal reaches clients exactly as it did when the use cases threw HTTP errors
 * themselves: the right-hand sides are those errors, built as the services built them.
 */
describe('VocabularyErrorMapper', () => {
  it.each([
    ['topic not found', vocabularyErrors.topicNotFound(), errors.notFound('Topic', 'TOPIC_NOT_FOUND')],
    ['word not found', vocabularyErrors.wordNotFound(), errors.notFound('Word', 'WORD_NOT_FOUND')],
    [
      'thematic answer from the future',
      vocabularyErrors.answeredAtInFuture('2026-03-02T09:10:00.000Z', serverTime, 300_000),
      new ApiError(422, 'ANSWERED_AT_IN_FUTURE', "answeredAt is more than 5 minutes ahead of the server's clock", {
        fields: [{ path: 'answeredAt', message: 'is in the future' }],
        answeredAt: '2026-03-02T09:10:00.000Z',
        serverTime: '2026-03-02T09:00:00.000Z',
        maxSkewMs: 300_000,
      }),
    ],
    [
      'mode not applicable',
      vocabularyErrors.modeNotApplicable('article needs a noun', { wordId: 'w1', mode: 'article', applicableModes: ['recognition', 'recall'] }),
      errors.unprocessable('MODE_NOT_APPLICABLE', 'article needs a noun', { wordId: 'w1', mode: 'article', applicableModes: ['recognition', 'recall'] }),
    ],
    [
      'invalid answer',
      vocabularyErrors.invalidAnswer('expected three verb forms'),
      new ApiError(422, 'INVALID_ANSWER', 'expected three verb forms', { fields: [{ path: 'answer', message: 'expected three verb forms' }] }),
    ],
    ['review conflict', vocabularyErrors.reviewConflict(), errors.conflict('REVIEW_CONFLICT', 'The card changed too often at once; send the review again')],
    ['review in progress', vocabularyErrors.reviewInProgress(), errors.conflict('REVIEW_IN_PROGRESS', 'This review is still being applied; send it again shortly')],
    [
      'batch too large',
      vocabularyErrors.batchTooLarge(500, 501),
      new ApiError(413, 'BATCH_TOO_LARGE', 'A batch holds at most 500 reviews; send the rest in another batch', { maxReviews: 500, reviews: 501 }),
    ],
    ['learning word not found', vocabularyErrors.learningWordNotFound(), new ApiError(404, 'LEARNING_WORD_NOT_FOUND', 'Word not found in your dictionary')],
    ['dictionary word not found', vocabularyErrors.dictionaryWordNotFound(), new ApiError(404, 'DICTIONARY_WORD_NOT_FOUND', 'Dictionary word not found')],
    [
      'learning word exists',
      vocabularyErrors.learningWordExists('card-1'),
      new ApiError(409, 'LEARNING_WORD_EXISTS', 'This word is already in your dictionary', { userWordId: 'card-1' }),
    ],
    [
      'review id conflict',
      vocabularyErrors.reviewIdConflict(),
      new ApiError(409, 'REVIEW_ID_CONFLICT', 'This reviewId was already used for another card; send a new reviewId for a new review'),
    ],
    [
      'learning answer from the future',
      vocabularyErrors.learningAnsweredInFuture(300_000),
      new ApiError(422, 'ANSWERED_AT_IN_FUTURE', 'The answer is dated in the future', {
        fields: [{ field: 'answeredAt', code: 'too_far_in_future', message: "Must not be more than 300 s ahead of the server's clock" }],
      }),
    ],
    ['learning card busy', vocabularyErrors.learningCardBusy(), new ApiError(409, 'LEARNING_CARD_BUSY', 'The card is being changed by other requests right now; try again')],
    ['learning account erased', vocabularyErrors.learningAccountErased(), new ApiError(410, 'LEARNING_ACCOUNT_ERASED', 'Your learning data was erased')],
    ['dictionary unavailable', vocabularyErrors.dictionaryUnavailable(), errors.unavailable('dictionary')],
  ])('answers %s as before', (_label, error, before) => {
    expect(JSON.stringify(answered(error))).toBe(JSON.stringify(mapError(before)));
  });

  it('leaves errors that are not refusals to the global filter', () => {
    const failure = new Error('mongodb is down');
    expect(VocabularyErrorMapper.toApiError(failure)).toBe(failure);
  });
});
