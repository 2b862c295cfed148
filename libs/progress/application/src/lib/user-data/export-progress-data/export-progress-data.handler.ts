import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { UserDataSection } from '@tall/platform/call-contracts';
import { PROGRESS_MODULE } from '@tall/progress/contracts';
import { PROGRESS_READ_STORE, type ProgressReadStore } from '../../ports/progress-read-store.port';
import { ExportProgressDataQuery } from './export-progress-data.query';

/** The rows about the user, with a statement when progress holds nothing. */
@QueryHandler(ExportProgressDataQuery)
export class ExportProgressDataHandler implements IQueryHandler<ExportProgressDataQuery> {
  constructor(@Inject(PROGRESS_READ_STORE) private readonly store: ProgressReadStore) {}

  async execute({ userId }: ExportProgressDataQuery): Promise<UserDataSection> {
    const data = await this.store.exportUser(userId);
    return {
      context: PROGRESS_MODULE.name,
      data: data ?? {},
      purposes: [
        'Show you your own learning progress',
        'Let your teachers follow your progress and help you, and let the school’s educational admins oversee it',
      ],
      retention: 'Until your account is erased; rebuilt from the learning events while those are kept',
      recipients: ['You', 'Your linked teachers', 'The school’s educational admins'],
      ...(data ? {} : { statement: 'Progress holds no record about you.' }),
    };
  }
}
