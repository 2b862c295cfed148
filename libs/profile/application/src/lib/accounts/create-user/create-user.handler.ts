import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { UserView } from '@tall/profile/contracts';
import { AdministrationPolicy, ProfileError } from '@tall/profile/domain';
import { toUserView } from '../../administration/user-view';
import { AccountCreation } from '../account-creation';
import { CreateUserCommand } from './create-user.command';

@CommandHandler(CreateUserCommand)
export class CreateUserHandler implements ICommandHandler<CreateUserCommand> {
  constructor(private readonly accounts: AccountCreation) {}

  async execute({ actor, request }: CreateUserCommand): Promise<UserView> {
    if (!AdministrationPolicy.mayCreate(actor, request.role)) {
      throw new ProfileError('FORBIDDEN', `Your role may not create ${request.role} accounts`);
    }
    const { email, firstName, lastName, password, role } = request;
    const { user } = await this.accounts.create({ role, password, origin: 'admin', personal: { email, firstName, lastName } });
    return toUserView(user);
  }
}
