import type { CommandBus } from '@nestjs/cqrs';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { EventHandler } from '@tall/platform/events';
import { counter, type Logger } from '@tall/platform/observability';
import { EmailIndexChanged, PiiTopics } from '@tall/pii/contracts';
import { UpdateEmailIndexCommand } from '@tall/profile/application';

const conflicts = () =>
  counter('tall_profile_email_index_conflicts_total', 'Email index changes from pii that profile could not apply', ['outcome'] as const);

/** pii changed a user's email: sign-in looks the account up by the new blind index from now on. */
export function emailIndexChangedHandler(commands: CommandBus, logger: Logger): EventHandler {
  const name = 'profile.onEmailIndexChanged';
  return {
    name,
    topics: [PiiTopics.events],
    types: [EmailIndexChanged.type],
    async handle(envelope: EventEnvelope): Promise<void> {
      if (envelope.version !== EmailIndexChanged.version) return;
      const payload = EmailIndexChanged.schema.parse(envelope.payload);
      const outcome = await commands.execute(new UpdateEmailIndexCommand(envelope.id, name, payload.userId, payload.emailBlindIndex));
      if (outcome === 'indexTaken' || outcome === 'unknownUser') {
        conflicts().inc({ outcome });
        logger.warn({ eventId: envelope.id, userId: payload.userId, outcome }, 'email index change not applied');
      }
    },
  };
}
