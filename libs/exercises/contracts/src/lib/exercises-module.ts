import { exportUserDataCall } from '@tall/platform/call-contracts';
import { ExerciseTopics } from './exercise-events';

export const EXERCISES_MODULE = { name: 'exercises', publishes: Object.values(ExerciseTopics) as string[] } as const;

/** What the exercises context holds about a user (attempts, weekly sets), for the GDPR export. */
export const ExportExercisesData = exportUserDataCall('exercises');
