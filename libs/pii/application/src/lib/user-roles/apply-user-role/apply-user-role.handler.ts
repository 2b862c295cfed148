import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PERSONAL_DATA_REPOSITORY, type PersonalDataRepository } from '../../ports/personal-data-repository.port';
import { ApplyUserRoleCommand } from './apply-user-role.command';

@CommandHandler(ApplyUserRoleCommand)
export class ApplyUserRoleHandler implements ICommandHandler<ApplyUserRoleCommand> {
  constructor(@Inject(PERSONAL_DATA_REPOSITORY) private readonly repository: PersonalDataRepository) {}

  async execute({ delivery, userId, role }: ApplyUserRoleCommand): Promise<boolean> {
    return this.repository.applyUserRole(delivery, userId, role);
  }
}
