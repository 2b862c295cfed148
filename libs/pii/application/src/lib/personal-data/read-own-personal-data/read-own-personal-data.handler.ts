import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PERSONAL_FIELDS, type PersonalData } from '@tall/pii/contracts';
import { AccessLog } from '../access-log';
import { PersonalDataVault, toPersonalData } from '../personal-data-vault';
import { ReadOwnPersonalDataQuery } from './read-own-personal-data.query';

@QueryHandler(ReadOwnPersonalDataQuery)
export class ReadOwnPersonalDataHandler implements IQueryHandler<ReadOwnPersonalDataQuery> {
  constructor(
    private readonly vault: PersonalDataVault,
    private readonly accessLog: AccessLog,
  ) {}

  async execute({ userId, role }: ReadOwnPersonalDataQuery): Promise<PersonalData> {
    const record = await this.vault.require(userId);
    const fields = await this.vault.open(record);
    await this.accessLog.record({ kind: 'user', userId, role }, [userId], PERSONAL_FIELDS, 'self-service');
    return toPersonalData(userId, fields, record.updatedAt);
  }
}
