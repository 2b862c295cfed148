import { ActiveSets } from './active-sets';
import { AddMyWordHandler } from './add-my-word/add-my-word.handler';
import { AddReaderWordHandler } from './add-reader-word/add-reader-word.handler';
import { EraseLearningDataHandler } from './erase-learning-data/erase-learning-data.handler';
import { ExportLearningDataHandler } from './export-learning-data/export-learning-data.handler';
import { GetLearningStatsHandler } from './get-learning-stats/get-learning-stats.handler';
import { GetPracticeCardsHandler } from './get-practice-cards/get-practice-cards.handler';
import { GetMyScheduleHandler } from './get-my-schedule/get-my-schedule.handler';
import { GetTodayQueueHandler } from './get-today-queue/get-today-queue.handler';
import { GetUserWordsHandler } from './get-user-words/get-user-words.handler';
import { LearningCardFactory } from './learning-card-factory';
import { LearningRotationRunner } from './learning-rotation-runner';
import { ListMyWordsHandler } from './list-my-words/list-my-words.handler';
import { RemoveMyWordHandler } from './remove-my-word/remove-my-word.handler';
import { RequestWeekRotationHandler } from './request-week-rotation/request-week-rotation.handler';
import { ReviewLearningCardHandler } from './review-learning-card/review-learning-card.handler';

/** What LearningCardsModule registers: the learning-card use cases and what they share. */
export const learningCommandHandlers = [
  AddMyWordHandler,
  AddReaderWordHandler,
  RemoveMyWordHandler,
  ReviewLearningCardHandler,
  EraseLearningDataHandler,
  RequestWeekRotationHandler,
];
export const learningQueryHandlers = [
  ListMyWordsHandler,
  GetTodayQueueHandler,
  GetMyScheduleHandler,
  GetLearningStatsHandler,
  GetUserWordsHandler,
  GetPracticeCardsHandler,
  ExportLearningDataHandler,
];
export const learningCollaborators = [LearningCardFactory, ActiveSets, LearningRotationRunner];
