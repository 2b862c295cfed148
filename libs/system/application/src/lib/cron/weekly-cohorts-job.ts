/** The weekly job's name: contexts with weekly work (cohort rotation) react to the event it announces. */
export const WEEKLY_COHORTS_JOB = 'weekly-cohorts';
