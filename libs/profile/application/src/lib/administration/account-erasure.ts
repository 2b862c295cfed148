import { Inject, Injectable } from '@nestjs/common';
import { UserDeleted } from '@tall/profile/contracts';
import type { UserAccount } from '@tall/profile/domain';
import { CLOCK, type Clock } from '../ports/credentials.port';
import type { ProfileTx } from '../ports/profile-store.port';
import { profileEvent } from '../profile-events';
import { revokeSessions } from '../sessions/revoke-sessions';
import { keepOneTechAdmin, unlinkedEvents } from './administered-account';

export interface ErasureOutcome {
  outcome: 'deleted' | 'alreadyDeleted';
  deletedAt: Date;
}

/** The erase itself, for the user's own request (re-authenticated) or an admin's; idempotent. */
@Injectable()
export class AccountErasure {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  /** Inside the caller's transaction, with `target` locked. */
  async erase(tx: ProfileTx, target: UserAccount): Promise<ErasureOutcome> {
    if (target.status === 'deleted') return { outcome: 'alreadyDeleted', deletedAt: target.updatedAt };
    if (target.role === 'TECH_ADMIN') await keepOneTechAdmin(tx, target.id);
    const now = this.clock.now();
    // The email index goes too: nothing derived from the email stays, and the address may register again.
    await tx.users.update(target.id, { status: 'deleted', emailIndex: null, passwordHash: null, updatedAt: now });
    await revokeSessions(tx, target.id, 'accountDeleted', now);
    const removed = await tx.links.removeLinksOf(target.id, 'either');
    tx.publish(...unlinkedEvents(removed, 'userDeleted'));
    tx.publish(profileEvent(UserDeleted, { userId: target.id, role: target.role, deletedAt: now.toISOString() }, target.id));
    return { outcome: 'deleted', deletedAt: now };
  }
}
