import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { UserDataExport } from '@tall/platform/call-contracts';
import { PiiError } from '@tall/pii/domain';
import { CLOCK, type Clock } from '../../ports/clock.port';
import { PERSONAL_DATA_REPOSITORY, type PersonalDataRepository } from '../../ports/personal-data-repository.port';
import { USER_DATA_SOURCES, type UserDataSources } from '../../ports/user-data-sources.port';
import { CollectUserDataExportQuery } from './collect-user-data-export.query';

export const EXPORT_CONTROLLER = 'The school running Tall (data controller)';

/**
 * Every section is required: a context that fails or answers for another context fails the
 * whole export (`EXPORT_INCOMPLETE`), so a user never receives an incomplete document that
 * looks complete. An erased user gets `PII_ERASED`.
 */
@QueryHandler(CollectUserDataExportQuery)
export class CollectUserDataExportHandler implements IQueryHandler<CollectUserDataExportQuery> {
  constructor(
    @Inject(PERSONAL_DATA_REPOSITORY) private readonly repository: PersonalDataRepository,
    @Inject(USER_DATA_SOURCES) private readonly sources: UserDataSources,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ userId }: CollectUserDataExportQuery): Promise<UserDataExport> {
    if (await this.repository.erasure(userId)) throw new PiiError('PII_ERASED');
    const sections = await Promise.all(
      this.sources.modules.map(async (module) => {
        const section = await this.sources.exportOf(module, userId);
        if (section.context !== module) throw new PiiError('EXPORT_INCOMPLETE');
        return section;
      }),
    );
    return {
      format: 'tall.user-data-export.v1',
      userId,
      exportedAt: this.clock.now().toISOString(),
      controller: EXPORT_CONTROLLER,
      sections,
    };
  }
}
