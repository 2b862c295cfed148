import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PERSONAL_FIELDS, type PersonalData } from '@tall/pii/contracts';
import { assertBirthDateInRange } from '@tall/pii/domain';
import { AccessLog } from '../access-log';
import { PersonalDataVault, toPersonalData } from '../personal-data-vault';
import { ReplaceOwnPersonalDataCommand } from './replace-own-personal-data.command';

@CommandHandler(ReplaceOwnPersonalDataCommand)
export class ReplaceOwnPersonalDataHandler implements ICommandHandler<ReplaceOwnPersonalDataCommand> {
  constructor(
    private readonly vault: PersonalDataVault,
    private readonly accessLog: AccessLog,
  ) {}

  async execute({ userId, role, fields }: ReplaceOwnPersonalDataCommand): Promise<PersonalData> {
    assertBirthDateInRange(fields.birthDate, new Date().toISOString().slice(0, 10));
    const record = await this.vault.require(userId);
    await this.vault.replace(record, await this.vault.open(record), fields);
    const updated = await this.vault.require(userId);
    await this.accessLog.record({ kind: 'user', userId, role }, [userId], PERSONAL_FIELDS, 'self-service');
    return toPersonalData(userId, fields, updated.updatedAt);
  }
}
