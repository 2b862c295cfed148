import { Command } from '@nestjs/cqrs';
import type { UserView } from '@tall/profile/contracts';
import type { Actor } from '@tall/profile/domain';

/** An admin disables or enables an account. A disabled account cannot sign in or refresh. */
export class SetUserDisabledCommand extends Command<UserView> {
  constructor(
    readonly actor: Actor,
    readonly userId: string,
    readonly disabled: boolean,
  ) {
    super();
  }
}
