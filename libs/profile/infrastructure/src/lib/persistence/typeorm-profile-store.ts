import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { PgInbox, PgOutbox } from '@tall/platform/events';
import type { ProfileStore, ProfileTx } from '@tall/profile/application';
import { PROFILE_SCHEMA } from './profile-entities';
import {
  TypeOrmClientVersionRepository,
  TypeOrmLinkRepository,
  TypeOrmLoginFailureRepository,
  TypeOrmOneTimeTaskRepository,
  TypeOrmSessionRepository,
  TypeOrmUserRepository,
} from './typeorm-repositories';

export const profileOutbox = new PgOutbox(PROFILE_SCHEMA);
export const profileInbox = new PgInbox(PROFILE_SCHEMA);

/** Transactions over profile's schema; the events a use case publishes go to the outbox in the same commit. */
export class TypeOrmProfileStore implements ProfileStore {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: ProfileTx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const events: EventEnvelope[] = [];
      const result = await work({
        ...repositories(manager),
        inbox: { claim: (eventId, handler) => profileInbox.claim(manager, eventId, handler) },
        publish: (...envelopes) => events.push(...envelopes),
      });
      // Last, after the aggregate rows: their locks order concurrent transactions' outbox rows.
      await profileOutbox.append(manager, events);
      return result;
    });
  }

  read<T>(work: (tx: Omit<ProfileTx, 'publish' | 'inbox'>) => Promise<T>): Promise<T> {
    return work(repositories(this.dataSource.manager));
  }
}

function repositories(manager: EntityManager) {
  return {
    users: new TypeOrmUserRepository(manager),
    sessions: new TypeOrmSessionRepository(manager),
    failures: new TypeOrmLoginFailureRepository(manager),
    links: new TypeOrmLinkRepository(manager),
    clientVersions: new TypeOrmClientVersionRepository(manager),
    oneTimeTasks: new TypeOrmOneTimeTaskRepository(manager),
  };
}
