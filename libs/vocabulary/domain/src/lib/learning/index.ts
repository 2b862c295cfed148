export * from './cohort-cycle';
export * from './learning-scheduler';
export * from './lemma-key';
