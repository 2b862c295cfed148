import { exportUserDataCall } from '@tall/platform/call-contracts';
import { VocabularyTopics } from './vocabulary-topics';

export const VOCABULARY_MODULE = { name: 'vocabulary', publishes: Object.values(VocabularyTopics) as string[] } as const;

/** What the vocabulary context holds about a user (card states, reviews, personal words), for the GDPR export. */
export const ExportVocabularyData = exportUserDataCall('vocabulary');
