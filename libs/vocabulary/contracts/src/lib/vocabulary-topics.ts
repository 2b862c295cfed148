/** Topics the vocabulary context publishes. Ids, counts and scheduling facts only: never lemmas a student typed, notes or names. */
export const VocabularyTopics = {
  /** Thematic cards: every checked answer. */
  thematicCards: 'vocab.cards.v1',
  /** Thematic cards: a student's progress on a topic changed, or the topic became mastered. */
  thematicProgress: 'vocab.progress.v1',
  /** Learning cards: personal words added, removed and reviewed. */
  learningCards: 'learning.cards.v1',
  /** Learning cards: the weekly cohort rotation. */
  learningSchedule: 'learning.schedule.v1',
} as const;
