import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { UserDataSection } from '@tall/platform/call-contracts';
import { CONTENT_STORE, type ContentStore } from '../../ports/content-store.port';
import { ExportAdminDataQuery } from './export-admin-data.query';

/** An admin's steps in the content histories (students and teachers have none). */
@QueryHandler(ExportAdminDataQuery)
export class ExportAdminDataHandler implements IQueryHandler<ExportAdminDataQuery> {
  constructor(@Inject(CONTENT_STORE) private readonly store: ContentStore) {}

  async execute({ userId }: ExportAdminDataQuery): Promise<UserDataSection> {
    const items = await this.store.stepsBy(userId);
    return {
      context: 'admin',
      data: {
        contentSteps: items.flatMap((item) =>
          item.entries.map((entry) => ({ kind: item.kind, id: item.id, title: item.title, revision: entry.revision, action: entry.action, at: entry.at.toISOString(), override: entry.override })),
        ),
      },
      purposes: ['Keeping an audit trail of who changed, reviewed and published the school’s learning content'],
      retention: 'As long as the content item exists: its history is its audit trail',
      recipients: ['The school’s educational and technical admins'],
      ...(items.length === 0 ? { statement: 'You took no step in the content workflow; the admin context holds nothing about you.' } : {}),
    };
  }
}
