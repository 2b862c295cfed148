import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PERSONAL_DATA_REPOSITORY, type PersonalDataRepository } from '../../ports/personal-data-repository.port';
import { ApplyTeacherLinkCommand } from './apply-teacher-link.command';

@CommandHandler(ApplyTeacherLinkCommand)
export class ApplyTeacherLinkHandler implements ICommandHandler<ApplyTeacherLinkCommand> {
  constructor(@Inject(PERSONAL_DATA_REPOSITORY) private readonly repository: PersonalDataRepository) {}

  async execute({ delivery, link, linked }: ApplyTeacherLinkCommand): Promise<boolean> {
    return this.repository.applyTeacherLink(delivery, link, linked);
  }
}
