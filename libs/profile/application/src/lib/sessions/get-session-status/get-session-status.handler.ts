import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SessionStatusView } from '@tall/profile/contracts';
import { CLOCK, type Clock } from '../../ports/credentials.port';
import { PROFILE_STORE, type ProfileStore } from '../../ports/profile-store.port';
import { GetSessionStatusQuery } from './get-session-status.query';

@QueryHandler(GetSessionStatusQuery)
export class GetSessionStatusHandler implements IQueryHandler<GetSessionStatusQuery> {
  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ sessionId }: GetSessionStatusQuery): Promise<SessionStatusView | null> {
    const found = await this.store.read((tx) => tx.sessions.statusOf(sessionId, this.clock.now()));
    if (!found) return null;
    return { userId: found.userId, role: found.role, active: found.live && found.accountStatus === 'active' };
  }
}
