import { Injectable } from '@nestjs/common';
import type { CreateUserRequest, UserView } from '@tall/profile/contracts';
import { AdministrationPolicy, ProfileError, type Actor } from '@tall/profile/domain';
import { toUserView } from '../administration/user-view';
import { AccountCreation } from './account-creation';

/** An admin creates an account: TECH_ADMIN any role, EDU_ADMIN teachers and students. */
@Injectable()
export class CreateUserHandler {
  constructor(private readonly accounts: AccountCreation) {}

  async execute(actor: Actor, request: CreateUserRequest): Promise<UserView> {
    if (!AdministrationPolicy.mayCreate(actor, request.role)) {
      throw new ProfileError('FORBIDDEN', `Your role may not create ${request.role} accounts`);
    }
    const { email, firstName, lastName, password, role } = request;
    const { user } = await this.accounts.create({ role, password, origin: 'admin', personal: { email, firstName, lastName } });
    return toUserView(user);
  }
}
