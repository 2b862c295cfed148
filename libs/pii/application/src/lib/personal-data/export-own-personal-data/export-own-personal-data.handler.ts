import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NAME_FIELDS, PERSONAL_FIELDS, type PersonalData } from '@tall/pii/contracts';
import { decideRead, PiiError } from '@tall/pii/domain';
import { PERSONAL_DATA_REPOSITORY, type PersonalDataRepository } from '../../ports/personal-data-repository.port';
import { AccessLog } from '../access-log';
import { PersonalDataVault, toPersonalData } from '../personal-data-vault';
import { ExportOwnPersonalDataQuery } from './export-own-personal-data.query';

@QueryHandler(ExportOwnPersonalDataQuery)
export class ExportOwnPersonalDataHandler implements IQueryHandler<ExportOwnPersonalDataQuery> {
  constructor(
    @Inject(PERSONAL_DATA_REPOSITORY) private readonly repository: PersonalDataRepository,
    private readonly vault: PersonalDataVault,
    private readonly accessLog: AccessLog,
  ) {}

  async execute({ reader, userId }: ExportOwnPersonalDataQuery): Promise<PersonalData | undefined> {
    const decision = decideRead(reader, { id: userId, role: undefined }, PERSONAL_FIELDS, NAME_FIELDS, false);
    if (!decision.allowed || decision.fields.length !== PERSONAL_FIELDS.length) throw new PiiError('FORBIDDEN');
    if (await this.repository.erasure(userId)) throw new PiiError('PII_ERASED');
    const record = await this.repository.find(userId);
    if (!record) return undefined;
    const fields = await this.vault.open(record);
    await this.accessLog.record(reader, [userId], PERSONAL_FIELDS, 'self-service');
    return toPersonalData(userId, fields, record.updatedAt);
  }
}
