import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { UserDataSection } from '@tall/platform/call-contracts';
import { SYSTEM_MODULE } from '@tall/system/contracts';
import { ExportSystemDataQuery } from './export-system-data.query';

/** The system context holds nothing about users, whoever asks, and says so. */
@QueryHandler(ExportSystemDataQuery)
export class ExportSystemDataHandler implements IQueryHandler<ExportSystemDataQuery> {
  async execute(_query: ExportSystemDataQuery): Promise<UserDataSection> {
    return {
      context: SYSTEM_MODULE.name,
      data: {},
      purposes: ['Running Tall: which instances started and when scheduled jobs ran'],
      retention: 'Operational records are kept for the life of the installation; they name no user',
      recipients: ['Technical admins of the school'],
      statement: 'The system context holds no personal data about you.',
    };
  }
}
