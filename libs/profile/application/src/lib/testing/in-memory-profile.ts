import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { Principal } from '@tall/platform/identity';
import type { ClientVersions } from '@tall/profile/contracts';
import type { RefreshTokenRecord, RevocationReason, Session, UserAccount } from '@tall/profile/domain';
import type { AccessTokens } from '../ports/access-tokens.port';
import type { AccountRole, Clock, DisplayName, EmailIndexer, PasswordHasher, PersonalData, PersonalDataGateway } from '../ports/credentials.port';
import type { ProfileStore, ProfileTx, StudentLink } from '../ports/profile-store.port';

type StoredSession = Session & { expiresAt: Date; revokeReason: RevocationReason | null };

/**
 * profile's store in memory, for unit tests of the use cases. Rows change at once (there is no
 * rollback); events are kept only when the transaction's work succeeds, as the outbox would.
 */
export class InMemoryProfileStore implements ProfileStore {
  readonly users = new Map<string, UserAccount>();
  readonly sessions = new Map<string, StoredSession>();
  readonly tokens = new Map<string, RefreshTokenRecord>();
  readonly failures: { id: string; emailIndex: string; at: Date; pending: boolean }[] = [];
  readonly links: StudentLink[] = [];
  readonly clientVersions: Partial<ClientVersions> = {};
  readonly claimed = new Set<string>();
  readonly oneTimeTasks = new Map<string, Date>();
  readonly events: EventEnvelope[] = [];
  /** How many reads and transactions ran: a use case that decides before any lookup leaves it at 0. */
  accesses = 0;
  /** Per-email locks (`failures.lock`), held until the transaction that took them ends. */
  private readonly emailLocks = new Map<string, Promise<void>>();
  private nextFailureId = 0;

  async transaction<T>(work: (tx: ProfileTx) => Promise<T>): Promise<T> {
    const published: EventEnvelope[] = [];
    const releases: Array<() => void> = [];
    try {
      const result = await work(this.tx(published, releases));
      this.events.push(...published);
      return result;
    } finally {
      for (const release of releases) release();
    }
  }

  async read<T>(work: (tx: Omit<ProfileTx, 'publish' | 'inbox'>) => Promise<T>): Promise<T> {
    return work(this.tx([], []));
  }

  eventsOfType(type: string): EventEnvelope[] {
    return this.events.filter((event) => event.type === type);
  }

  addUser(user: Partial<UserAccount> & Pick<UserAccount, 'id' | 'role'>): UserAccount {
    const at = new Date('2026-01-01T00:00:00Z');
    const account: UserAccount = { status: 'active', createdAt: at, updatedAt: at, emailIndex: `index:${user.id}`, passwordHash: null, ...user };
    this.users.set(account.id, account);
    return account;
  }

  /** Waits for the email's lock, then holds it until `releases` run. */
  private async lockEmail(emailIndex: string, releases: Array<() => void>): Promise<void> {
    const previous = this.emailLocks.get(emailIndex) ?? Promise.resolve();
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const mine = previous.then(() => held);
    this.emailLocks.set(emailIndex, mine);
    releases.push(() => {
      release();
      if (this.emailLocks.get(emailIndex) === mine) this.emailLocks.delete(emailIndex);
    });
    await previous;
  }

  private tx(published: EventEnvelope[], releases: Array<() => void>): ProfileTx {
    this.accesses++;
    const users = this.users;
    const sessions = this.sessions;
    const tokens = this.tokens;
    const failures = this.failures;
    const links = this.links;
    const clientVersions = this.clientVersions;
    const claimed = this.claimed;
    const oneTimeTasks = this.oneTimeTasks;
    const live = (session: StoredSession, at: Date) => !session.revokedAt && session.expiresAt > at;
    const revoke = (session: StoredSession, reason: RevocationReason, at: Date) => Object.assign(session, { revokedAt: at, revokeReason: reason });
    const removeLinks = (keep: (link: StudentLink) => boolean): StudentLink[] => {
      const removed = links.filter((link) => !keep(link));
      links.splice(0, links.length, ...links.filter(keep));
      return removed;
    };
    return {
      users: {
        async findById(id) {
          const user = users.get(id);
          return user ? { ...user } : null;
        },
        async findByEmailIndex(emailIndex) {
          const user = [...users.values()].find((candidate) => candidate.emailIndex === emailIndex);
          return user ? { ...user } : null;
        },
        async insertIfEmailFree(user) {
          if ([...users.values()].some((other) => other.emailIndex === user.emailIndex)) return false;
          users.set(user.id, { ...user });
          return true;
        },
        async update(id, changes) {
          const user = users.get(id);
          if (user) users.set(id, { ...user, ...changes });
        },
        async remove(id) {
          users.delete(id);
        },
        async findAbandonedRegistration(emailIndex, olderThan) {
          return [...users.values()].find((user) => user.emailIndex === emailIndex && user.status === 'pending' && user.updatedAt < olderThan) ?? null;
        },
        async lockActiveTechAdmins() {
          return [...users.values()].filter((user) => user.role === 'TECH_ADMIN' && user.status === 'active').map((user) => user.id);
        },
        async list({ roles, page, pageSize }) {
          const listed = [...users.values()].filter((user) => roles.includes(user.role) && user.status !== 'pending' && user.status !== 'deleted');
          return { items: listed.slice((page - 1) * pageSize, page * pageSize), total: listed.length };
        },
        async pageAfter(afterId, limit) {
          return [...users.values()]
            .filter((user) => (user.status === 'active' || user.status === 'disabled') && (afterId === null || user.id > afterId))
            .sort((a, b) => (a.id < b.id ? -1 : 1))
            .slice(0, limit)
            .map(({ id, role }) => ({ id, role }));
        },
      },
      sessions: {
        async create(session) {
          sessions.set(session.id, { ...session, lastUsedAt: session.createdAt, revokedAt: null, revokeReason: null });
        },
        async findById(id) {
          return sessions.get(id) ?? null;
        },
        async statusOf(id, now) {
          const session = sessions.get(id);
          const account = session && users.get(session.userId);
          return session && account ? { userId: session.userId, role: account.role, accountStatus: account.status, live: live(session, now) } : null;
        },
        async listActive(userId, now) {
          return [...sessions.values()].filter((session) => session.userId === userId && live(session, now));
        },
        async listAll(userId) {
          return [...sessions.values()].filter((session) => session.userId === userId);
        },
        async revoke(id, reason, at) {
          const session = sessions.get(id);
          if (!session || session.revokedAt) return false;
          revoke(session, reason, at);
          return true;
        },
        async revokeAllOf(userId, reason, at, exceptId) {
          const ended = [...sessions.values()].filter((session) => session.userId === userId && session.id !== exceptId && live(session, at));
          ended.forEach((session) => revoke(session, reason, at));
          return ended.map((session) => session.id);
        },
        async touch(id, at, expiresAt) {
          const session = sessions.get(id);
          if (session) Object.assign(session, { lastUsedAt: at, expiresAt });
        },
        async insertToken(token) {
          tokens.set(token.tokenHash, { ...token });
        },
        async lockToken(tokenHash) {
          const token = tokens.get(tokenHash);
          const session = token && sessions.get(token.sessionId);
          return token && session ? { token: { ...token }, session: { ...session } } : null;
        },
        async spendToken(tokenHash, at) {
          const token = tokens.get(tokenHash);
          if (!token || token.spentAt) return false;
          token.spentAt = at;
          return true;
        },
      },
      failures: {
        lock: (emailIndex) => this.lockEmail(emailIndex, releases),
        async since(emailIndex, since) {
          return failures.filter((failure) => failure.emailIndex === emailIndex && failure.at > since).map(({ at, pending }) => ({ at, pending }));
        },
        reserve: async (emailIndex, at) => {
          const id = String(++this.nextFailureId);
          failures.push({ id, emailIndex, at, pending: true });
          return id;
        },
        async fail(id) {
          const failure = failures.find((candidate) => candidate.id === id);
          if (failure) failure.pending = false;
        },
        async release(id) {
          failures.splice(0, failures.length, ...failures.filter((failure) => failure.id !== id));
        },
        async clear(emailIndex) {
          failures.splice(0, failures.length, ...failures.filter((failure) => failure.emailIndex !== emailIndex || failure.pending));
        },
      },
      links: {
        async link(teacherId, studentId, at) {
          if (links.some((link) => link.teacherId === teacherId && link.studentId === studentId)) return false;
          links.push({ teacherId, studentId, linkedAt: at });
          return true;
        },
        async unlink(teacherId, studentId) {
          return removeLinks((link) => link.teacherId !== teacherId || link.studentId !== studentId).length > 0;
        },
        async studentsOf(teacherId) {
          return links
            .filter((link) => link.teacherId === teacherId)
            .map((link) => ({ ...link, studentStatus: users.get(link.studentId)?.status ?? 'deleted' }));
        },
        async linksOf(userId) {
          return links.filter((link) => link.teacherId === userId || link.studentId === userId);
        },
        async removeLinksOf(userId, as) {
          return removeLinks((link) => !((as !== 'student' && link.teacherId === userId) || (as !== 'teacher' && link.studentId === userId)));
        },
      },
      clientVersions: {
        async stored() {
          return { ...clientVersions };
        },
        async store(versions) {
          Object.assign(clientVersions, versions);
        },
      },
      oneTimeTasks: {
        async isDone(task) {
          return oneTimeTasks.has(task);
        },
        async markDone(task, at) {
          if (!oneTimeTasks.has(task)) oneTimeTasks.set(task, at);
        },
      },
      inbox: {
        async claim(eventId, handler) {
          const key = `${handler}:${eventId}`;
          if (claimed.has(key)) return false;
          claimed.add(key);
          return true;
        },
      },
      publish(...events) {
        published.push(...events);
      },
    };
  }
}

/** A clock the test moves. */
export class FakeClock implements Clock {
  constructor(public current = new Date('2026-03-02T09:00:00Z')) {}

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Readable "hashes" in place of argon2id: the use cases only need verify to agree with hash. */
export const fakeHasher: PasswordHasher = {
  hash: async (password) => `hashed:${password}`,
  verify: async (hash, password) => hash === `hashed:${password}`,
  verifyDummy: async () => false,
  needsRehash: () => false,
};

export const fakeEmailIndexer: EmailIndexer = {
  indexOf: async (email) => `index:${email.trim().toLowerCase()}`,
};

/**
 * pii in memory; `failNextStore` makes the next store refuse, as an unreachable pii would, and
 * `failRecordRolesAfter` lets that many role batches through, then refuses the rest.
 */
export class FakePersonalData implements PersonalDataGateway {
  readonly people = new Map<string, PersonalData>();
  readonly erased: string[] = [];
  readonly roles = new Map<string, AccountRole['role']>();
  /** Each `recordRoles` call's accounts, accepted or not. */
  readonly roleBatches: AccountRole[][] = [];
  failNextStore = false;
  namesUnavailable = false;
  failRecordRolesAfter: number | undefined;

  async store(userId: string, data: PersonalData): Promise<void> {
    if (this.failNextStore) {
      this.failNextStore = false;
      throw new Error('pii is unavailable');
    }
    this.people.set(userId, data);
  }

  async displayNames(userIds: readonly string[]): Promise<Map<string, DisplayName>> {
    if (this.namesUnavailable) throw new Error('pii is unavailable');
    const names = new Map<string, DisplayName>();
    for (const id of userIds) {
      const person = this.people.get(id);
      if (person) names.set(id, { firstName: person.firstName, lastName: person.lastName });
    }
    return names;
  }

  async erase(userId: string): Promise<void> {
    this.people.delete(userId);
    this.erased.push(userId);
  }

  async recordRoles(accounts: readonly AccountRole[]): Promise<number> {
    this.roleBatches.push([...accounts]);
    if (this.failRecordRolesAfter !== undefined && this.roleBatches.length > this.failRecordRolesAfter) throw new Error('pii is unavailable');
    const fresh = accounts.filter((account) => !this.roles.has(account.userId));
    fresh.forEach((account) => this.roles.set(account.userId, account.role));
    return fresh.length;
  }
}

export const fakeAccessTokens: AccessTokens = {
  issue: async (principal: Principal) => ({ accessToken: `access:${principal.userId}:${principal.sessionId}`, expiresIn: 900 }),
};
