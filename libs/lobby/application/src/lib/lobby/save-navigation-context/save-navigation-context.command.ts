import { Command } from '@nestjs/cqrs';
import type { Principal } from '@tall/platform/identity';
import type { UpdateNavigationContext } from '@tall/lobby/contracts';

/** Remember where the user is: a product of theirs and a location in it. */
export class SaveNavigationContextCommand extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly update: UpdateNavigationContext,
  ) {
    super();
  }
}
