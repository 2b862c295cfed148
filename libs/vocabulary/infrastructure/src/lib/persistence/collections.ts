/** The collections of the vocabulary database; the prefixes keep the dictionary, thematic and learning cards apart. */
export const DICTIONARY_TOPICS = 'dictionary_topics';
export const DICTIONARY_WORDS = 'dictionary_words';
export const DICTIONARY_SEED_LOADS = 'dictionary_seed_loads';

export const THEMATIC_CARDS = 'thematic_cards';
export const THEMATIC_REVIEWS = 'thematic_reviews';
export const THEMATIC_PROGRESS = 'thematic_progress';

export const LEARNING_COLLECTIONS = {
  cards: 'learning_cards',
  reviews: 'learning_reviews',
  students: 'learning_students',
  /** Each student's active set per week (see MongoRotationStore). */
  weeks: 'learning_weeks',
  /** The weekly rotation's events, a few students per document. */
  weekEvents: 'learning_week_events',
  rotations: 'learning_rotations',
} as const;
