import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NAME_FIELDS, PERSONAL_FIELDS, type DisplayName } from '@tall/pii/contracts';
import { decideRead, needsSubjectRole } from '@tall/pii/domain';
import { PERSONAL_DATA_REPOSITORY, type PersonalDataRepository } from '../../ports/personal-data-repository.port';
import { AccessLog } from '../access-log';
import { PersonalDataVault } from '../personal-data-vault';
import { GetDisplayNamesQuery } from './get-display-names.query';

@QueryHandler(GetDisplayNamesQuery)
export class GetDisplayNamesHandler implements IQueryHandler<GetDisplayNamesQuery> {
  constructor(
    @Inject(PERSONAL_DATA_REPOSITORY) private readonly repository: PersonalDataRepository,
    private readonly vault: PersonalDataVault,
    private readonly accessLog: AccessLog,
  ) {}

  async execute({ reader, userIds, purpose }: GetDisplayNamesQuery): Promise<DisplayName[]> {
    const unique = [...new Set(userIds)];
    let visible = unique;
    if (reader.kind === 'user') {
      const linked = reader.role === 'TEACHER' ? await this.repository.linkedStudents(reader.userId, unique) : new Set<string>();
      const roles = needsSubjectRole(reader) ? await this.repository.rolesOf(unique) : new Map<string, string>();
      visible = unique.filter((id) => decideRead(reader, { id, role: roles.get(id) }, PERSONAL_FIELDS, NAME_FIELDS, linked.has(id)).allowed);
    }
    if (visible.length === 0) return [];
    const names: DisplayName[] = [];
    for (const record of await this.repository.findMany(visible)) {
      const fields = await this.vault.open(record, NAME_FIELDS);
      names.push({ userId: record.userId, firstName: fields.firstName, lastName: fields.lastName });
    }
    await this.accessLog.record(reader, names.map((name) => name.userId), NAME_FIELDS, purpose);
    return names;
  }
}
