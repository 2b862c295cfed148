import { Command } from '@nestjs/cqrs';

/** The ledger entry of the backfill: once it is there, the backfill never runs again on this database. */
export const PII_ROLES_BACKFILL_TASK = 'pii-user-roles-backfill';

export type PiiRolesBackfillOutcome =
  | { ran: false }
  | {
      ran: true;
      /** Accounts sent to pii, in `batches` calls. */
      accounts: number;
      batches: number;
      /** Roles pii did not know yet. */
      recorded: number;
    };

/**
 * Once per database: sends every existing account's role to pii, which keeps only the roles it
 * has not learnt from profile's events. pii's read policy needs them (an EDU_ADMIN reads teachers
 * and students only), and accounts created before pii kept roles would otherwise stay unreadable
 * to an EDU_ADMIN until their role next changed. Recorded as done only after pii accepted every
 * batch; a failure leaves it to be run again, from the start (pii's side is idempotent).
 */
export class BackfillPiiRolesCommand extends Command<PiiRolesBackfillOutcome> {
  constructor(readonly pageSize = 500) {
    super();
  }
}
