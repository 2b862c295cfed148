export { LearningCardsModule, type LearningCardsModuleOptions } from './learning-cards.module';
export { LEARNING_MAINTENANCE_JOB } from './learning-cards.lifecycle';
export { LEARNING_COLLECTIONS } from '../persistence/collections';
