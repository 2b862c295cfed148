import { isEvent, type EventEnvelope } from '@tall/platform/event-contracts';
import type { EventHandler } from '@tall/platform/events';
import { SystemTopics, WeeklyCronTriggered } from '@tall/system/contracts';
import type { LearningRotationService } from './learning-rotation.service';

/** The system context's weekly job whose event starts the rotation. */
export const WEEKLY_COHORTS_JOB = 'weekly-cohorts';
export const LEARNING_ROTATION_HANDLER = 'vocabulary.learning.rotateWeek';

/**
 * `cron.weekly.triggered` of the weekly-cohorts job → the rotation of that ISO week. Idempotent
 * per periodKey: the week is recorded once and rotated once, whatever the deliveries.
 */
export function weeklyRotationHandler(rotation: LearningRotationService): EventHandler {
  return {
    name: LEARNING_ROTATION_HANDLER,
    topics: [SystemTopics.cronWeekly],
    types: [WeeklyCronTriggered.type],
    async handle(envelope: EventEnvelope): Promise<void> {
      if (!isEvent(WeeklyCronTriggered, envelope)) return;
      const { job, periodKey, trigger } = WeeklyCronTriggered.schema.parse(envelope.payload);
      if (job !== WEEKLY_COHORTS_JOB) return;
      await rotation.request(periodKey, { trigger, correlationId: envelope.correlationId, causationId: envelope.id });
    },
  };
}
