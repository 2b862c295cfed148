import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { UserAccount } from '@tall/profile/domain';
import { CLOCK, PERSONAL_DATA_GATEWAY, type Clock, type PersonalDataGateway } from '../../ports/credentials.port';
import { PROFILE_STORE, type ProfileStore } from '../../ports/profile-store.port';
import { BackfillPiiRolesCommand, PII_ROLES_BACKFILL_TASK, type PiiRolesBackfillOutcome } from './backfill-pii-roles.command';

@CommandHandler(BackfillPiiRolesCommand)
export class BackfillPiiRolesHandler implements ICommandHandler<BackfillPiiRolesCommand> {
  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(PERSONAL_DATA_GATEWAY) private readonly personalData: PersonalDataGateway,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ pageSize }: BackfillPiiRolesCommand): Promise<PiiRolesBackfillOutcome> {
    if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer, not ${pageSize}`);
    if (await this.store.read((tx) => tx.oneTimeTasks.isDone(PII_ROLES_BACKFILL_TASK))) return { ran: false };
    let after: string | null = null;
    let accounts = 0;
    let batches = 0;
    let recorded = 0;
    for (;;) {
      const cursor = after;
      const page: Pick<UserAccount, 'id' | 'role'>[] = await this.store.read((tx) => tx.users.pageAfter(cursor, pageSize));
      if (page.length === 0) break;
      // A role that changes meanwhile reaches pii through its event, which pii applies over this one.
      recorded += await this.personalData.recordRoles(page.map((account) => ({ userId: account.id, role: account.role })));
      accounts += page.length;
      batches++;
      if (page.length < pageSize) break;
      after = page[page.length - 1].id;
    }
    await this.store.transaction((tx) => tx.oneTimeTasks.markDone(PII_ROLES_BACKFILL_TASK, this.clock.now()));
    return { ran: true, accounts, batches, recorded };
  }
}
