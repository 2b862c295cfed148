import type { CommandBus } from '@nestjs/cqrs';
import { isEvent, type EventEnvelope } from '@tall/platform/event-contracts';
import type { EventHandler } from '@tall/platform/events';
import { SystemTopics, WeeklyCronTriggered } from '@tall/system/contracts';
import { RequestWeekRotationCommand } from '@tall/vocabulary/application';

/** The system context's weekly job whose event starts the rotation. */
export const WEEKLY_COHORTS_JOB = 'weekly-cohorts';
export const LEARNING_ROTATION_HANDLER = 'vocabulary.learning.rotateWeek';

/**
 * `cron.weekly.triggered` of the weekly-cohorts job → the rotation of that ISO week. Idempotent
 * per periodKey: the week is recorded once and rotated once, whatever the deliveries.
 */
export function weeklyRotationHandler(commands: CommandBus): EventHandler {
  return {
    name: LEARNING_ROTATION_HANDLER,
    topics: [SystemTopics.cronWeekly],
    types: [WeeklyCronTriggered.type],
    async handle(envelope: EventEnvelope): Promise<void> {
      if (!isEvent(WeeklyCronTriggered, envelope)) return;
      const { job, periodKey, trigger } = WeeklyCronTriggered.schema.parse(envelope.payload);
      if (job !== WEEKLY_COHORTS_JOB) return;
      await commands.execute(new RequestWeekRotationCommand(periodKey, { trigger, correlationId: envelope.correlationId, causationId: envelope.id }));
    },
  };
}
