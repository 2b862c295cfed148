import { ArchiveDictionaryEntryHandler } from './dictionary/archive-dictionary-entry/archive-dictionary-entry.handler';
import { GetLevelWordsHandler } from './dictionary/get-level-words/get-level-words.handler';
import { GetReaderLexiconHandler } from './dictionary/get-reader-lexicon/get-reader-lexicon.handler';
import { ListDictionaryContentHandler } from './dictionary/list-dictionary-content/list-dictionary-content.handler';
import { ListTopicWordsHandler } from './dictionary/list-topic-words/list-topic-words.handler';
import { ListTopicsHandler } from './dictionary/list-topics/list-topics.handler';
import { PublishDictionaryEntryHandler } from './dictionary/publish-dictionary-entry/publish-dictionary-entry.handler';
import { EraseVocabularyDataHandler } from './export/erase-vocabulary-data/erase-vocabulary-data.handler';
import { ExportVocabularyDataHandler } from './export/export-vocabulary-data/export-vocabulary-data.handler';
import { SyncReviewBatchHandler } from './sync/sync-review-batch/sync-review-batch.handler';
import { DrawThematicSessionHandler } from './thematic/draw-thematic-session/draw-thematic-session.handler';
import { GetThematicStatsHandler } from './thematic/get-thematic-stats/get-thematic-stats.handler';
import { RecoverThematicReviewsHandler } from './thematic/recover-thematic-reviews/recover-thematic-reviews.handler';
import { ReviewThematicCardHandler } from './thematic/review-thematic-card/review-thematic-card.handler';
import { ThematicFigures } from './thematic/thematic-figures';
import { ThematicProgress } from './thematic/thematic-progress';
import { ThematicReviews } from './thematic/thematic-reviews';

/** What VocabularyModule registers: the dictionary (and its admin calls), thematic cards, offline sync, export and erasure. */
export const vocabularyCommandHandlers = [
  ReviewThematicCardHandler,
  RecoverThematicReviewsHandler,
  SyncReviewBatchHandler,
  EraseVocabularyDataHandler,
  PublishDictionaryEntryHandler,
  ArchiveDictionaryEntryHandler,
];
export const vocabularyQueryHandlers = [
  ListTopicsHandler,
  ListTopicWordsHandler,
  GetReaderLexiconHandler,
  GetLevelWordsHandler,
  ListDictionaryContentHandler,
  DrawThematicSessionHandler,
  GetThematicStatsHandler,
  ExportVocabularyDataHandler,
];
export const vocabularyCollaborators = [ThematicProgress, ThematicReviews, ThematicFigures];
