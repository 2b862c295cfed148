import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NAME_FIELDS, PERSONAL_FIELDS, type DisplayName, type PersonalData } from '@tall/pii/contracts';
import { decideRead, needsSubjectRole, PiiError } from '@tall/pii/domain';
import { PERSONAL_DATA_REPOSITORY, type PersonalDataRepository } from '../../ports/personal-data-repository.port';
import { AccessLog } from '../access-log';
import { PersonalDataVault, toPersonalData } from '../personal-data-vault';
import { ReadUserPersonalDataQuery } from './read-user-personal-data.query';

@QueryHandler(ReadUserPersonalDataQuery)
export class ReadUserPersonalDataHandler implements IQueryHandler<ReadUserPersonalDataQuery> {
  constructor(
    @Inject(PERSONAL_DATA_REPOSITORY) private readonly repository: PersonalDataRepository,
    private readonly vault: PersonalDataVault,
    private readonly accessLog: AccessLog,
  ) {}

  async execute({ reader, subjectId, purpose }: ReadUserPersonalDataQuery): Promise<PersonalData | DisplayName> {
    const linked =
      reader.kind === 'user' && reader.role === 'TEACHER' ? (await this.repository.linkedStudents(reader.userId, [subjectId])).has(subjectId) : false;
    const role = needsSubjectRole(reader) ? (await this.repository.rolesOf([subjectId])).get(subjectId) : undefined;
    const decision = decideRead(reader, { id: subjectId, role }, PERSONAL_FIELDS, NAME_FIELDS, linked);
    if (!decision.allowed) throw new PiiError('FORBIDDEN');
    const record = await this.vault.require(subjectId);
    const fields = await this.vault.open(record, decision.fields);
    await this.accessLog.record(reader, [subjectId], decision.fields, purpose);
    return decision.fields.length === PERSONAL_FIELDS.length
      ? toPersonalData(subjectId, fields, record.updatedAt)
      : { userId: subjectId, firstName: fields.firstName, lastName: fields.lastName };
  }
}
