import { Brackets, In, IsNull, MoreThan, Not, type EntityManager } from 'typeorm';
import type {
  ClientVersionRepository,
  LinkRepository,
  LockedRefreshToken,
  LoginFailureRepository,
  NewSession,
  OneTimeTaskRepository,
  SessionRepository,
  SessionWithAccount,
  StudentLink,
  UserRepository,
} from '@tall/profile/application';
import type { ClientVersions, UserRole } from '@tall/profile/contracts';
import type { AccountStatus, PasswordCheckRecord, RefreshTokenRecord, RevocationReason, Session, UserAccount } from '@tall/profile/domain';
import { ClientVersionRow, LoginFailureRow, OneTimeTaskRow, PROFILE_SCHEMA, RefreshTokenRow, SessionRow, TeacherStudentRow, UserRow } from './profile-entities';

export class TypeOrmUserRepository implements UserRepository {
  constructor(private readonly manager: EntityManager) {}

  private get repo() {
    return this.manager.getRepository(UserRow);
  }

  async findById(id: string, options: { lock?: 'update' | 'share' } = {}): Promise<UserAccount | null> {
    const query = this.repo.createQueryBuilder('user').where('user.id = :id', { id });
    if (options.lock) query.setLock(options.lock === 'update' ? 'pessimistic_write' : 'pessimistic_read');
    return toAccount(await query.getOne());
  }

  async findByEmailIndex(emailIndex: string): Promise<UserAccount | null> {
    return toAccount(await this.repo.findOneBy({ emailIndex }));
  }

  async insertIfEmailFree(user: UserAccount): Promise<boolean> {
    const result = await this.repo.createQueryBuilder().insert().into(UserRow).values(user).orIgnore().returning('id').execute();
    return (result.raw as unknown[]).length === 1;
  }

  async update(id: string, changes: Partial<Pick<UserAccount, 'role' | 'status' | 'emailIndex' | 'passwordHash'>> & { updatedAt: Date }): Promise<void> {
    await this.repo.update({ id }, changes);
  }

  async remove(id: string): Promise<void> {
    await this.repo.delete({ id });
  }

  async findAbandonedRegistration(emailIndex: string, olderThan: Date): Promise<UserAccount | null> {
    return toAccount(
      await this.repo
        .createQueryBuilder('user')
        .where('user.emailIndex = :emailIndex AND user.status = :status AND user.updatedAt < :olderThan', { emailIndex, status: 'pending', olderThan })
        .setLock('pessimistic_write')
        .getOne(),
    );
  }

  async lockActiveTechAdmins(): Promise<string[]> {
    const rows = await this.repo
      .createQueryBuilder('user')
      .select(['user.id'])
      .where('user.role = :role AND user.status = :status', { role: 'TECH_ADMIN', status: 'active' })
      .orderBy('user.id')
      .setLock('pessimistic_write')
      .getMany();
    return rows.map((row) => row.id);
  }

  async list(filter: { roles: UserRole[]; page: number; pageSize: number }): Promise<{ items: UserAccount[]; total: number }> {
    if (filter.roles.length === 0) return { items: [], total: 0 };
    const [rows, total] = await this.repo.findAndCount({
      where: { role: In(filter.roles), status: Not(In(['pending', 'deleted'] satisfies AccountStatus[])) },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return { items: rows.map((row) => toAccount(row) as UserAccount), total };
  }

  async pageAfter(afterId: string | null, limit: number): Promise<Pick<UserAccount, 'id' | 'role'>[]> {
    const query = this.repo
      .createQueryBuilder('user')
      .select(['user.id', 'user.role'])
      .where('user.status IN (:...statuses)', { statuses: ['active', 'disabled'] satisfies AccountStatus[] })
      .orderBy('user.id', 'ASC')
      .limit(limit);
    if (afterId !== null) query.andWhere('user.id > :afterId', { afterId });
    const rows = await query.getMany();
    return rows.map((row) => ({ id: row.id, role: row.role }));
  }
}

export class TypeOrmSessionRepository implements SessionRepository {
  constructor(private readonly manager: EntityManager) {}

  private get sessions() {
    return this.manager.getRepository(SessionRow);
  }

  private get tokens() {
    return this.manager.getRepository(RefreshTokenRow);
  }

  async create(session: NewSession): Promise<void> {
    await this.sessions.insert({ ...session, lastUsedAt: session.createdAt, revokedAt: null, revokeReason: null });
  }

  async findById(id: string): Promise<(Session & { expiresAt: Date }) | null> {
    return toSession(await this.sessions.findOneBy({ id }));
  }

  async statusOf(id: string, now: Date): Promise<SessionWithAccount | null> {
    // One round-trip, by the two primary keys: this is what a request pays when its session is not cached.
    const rows: { user_id: string; role: UserRole; status: AccountStatus; live: boolean }[] = await this.manager.query(
      `SELECT s.user_id, u.role, u.status, (s.revoked_at IS NULL AND s.expires_at > $2) AS live
         FROM ${PROFILE_SCHEMA}.sessions s JOIN ${PROFILE_SCHEMA}.users u ON u.id = s.user_id
        WHERE s.id = $1`,
      [id, now],
    );
    const row = rows[0];
    return row ? { userId: row.user_id, role: row.role, accountStatus: row.status, live: row.live } : null;
  }

  async listActive(userId: string, now: Date): Promise<Session[]> {
    const rows = await this.sessions.find({ where: { userId, revokedAt: IsNull(), expiresAt: MoreThan(now) }, order: { lastUsedAt: 'DESC' } });
    return rows.map((row) => toSession(row) as Session);
  }

  async listAll(userId: string): Promise<(Session & { expiresAt: Date })[]> {
    const rows = await this.sessions.find({ where: { userId }, order: { createdAt: 'ASC' } });
    return rows.map((row) => toSession(row) as Session & { expiresAt: Date });
  }

  async revoke(id: string, reason: RevocationReason, at: Date): Promise<boolean> {
    const result = await this.sessions.update({ id, revokedAt: IsNull() }, { revokedAt: at, revokeReason: reason });
    return (result.affected ?? 0) > 0;
  }

  async revokeAllOf(userId: string, reason: RevocationReason, at: Date, exceptId?: string): Promise<string[]> {
    const query = this.sessions
      .createQueryBuilder()
      .update(SessionRow)
      .set({ revokedAt: at, revokeReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL AND expires_at > :at', { userId, at });
    if (exceptId) query.andWhere('id <> :exceptId', { exceptId });
    const result = await query.returning('id').execute();
    return (result.raw as { id: string }[]).map((row) => row.id);
  }

  async touch(id: string, at: Date, expiresAt: Date): Promise<void> {
    await this.sessions.update({ id }, { lastUsedAt: at, expiresAt });
  }

  async insertToken(token: RefreshTokenRecord): Promise<void> {
    await this.tokens.insert(token);
  }

  async lockToken(tokenHash: string): Promise<LockedRefreshToken | null> {
    // Both rows locked: concurrent refreshes of one token queue here, and a reuse cannot race a rotation.
    const token = await this.tokens.createQueryBuilder('token').where('token.tokenHash = :tokenHash', { tokenHash }).setLock('pessimistic_write').getOne();
    if (!token) return null;
    const session = await this.sessions.createQueryBuilder('session').where('session.id = :id', { id: token.sessionId }).setLock('pessimistic_write').getOne();
    if (!session) return null;
    return {
      token: { tokenHash: token.tokenHash, sessionId: token.sessionId, createdAt: token.createdAt, expiresAt: token.expiresAt, spentAt: token.spentAt },
      session: toSession(session) as Session & { expiresAt: Date },
    };
  }

  async spendToken(tokenHash: string, at: Date): Promise<boolean> {
    const result = await this.tokens.update({ tokenHash, spentAt: IsNull() }, { spentAt: at });
    return (result.affected ?? 0) === 1;
  }
}

export class TypeOrmLoginFailureRepository implements LoginFailureRepository {
  constructor(private readonly manager: EntityManager) {}

  private get repo() {
    return this.manager.getRepository(LoginFailureRow);
  }

  async lock(emailIndex: string): Promise<void> {
    // A transaction-scoped advisory lock: no row needs to exist, and unknown emails lock alike.
    await this.manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`tall.profile.sign-in:${emailIndex}`]);
  }

  async since(emailIndex: string, since: Date): Promise<PasswordCheckRecord[]> {
    const rows = await this.repo.find({ select: { failedAt: true, pending: true }, where: { emailIndex, failedAt: MoreThan(since) }, order: { failedAt: 'ASC' } });
    return rows.map((row) => ({ at: row.failedAt, pending: row.pending }));
  }

  async reserve(emailIndex: string, at: Date): Promise<string> {
    const result = await this.repo.insert({ emailIndex, failedAt: at, pending: true });
    return String(result.identifiers[0]['id']);
  }

  async fail(id: string): Promise<void> {
    await this.repo.update({ id }, { pending: false });
  }

  async release(id: string): Promise<void> {
    await this.repo.delete({ id });
  }

  async clear(emailIndex: string): Promise<void> {
    await this.repo.delete({ emailIndex, pending: false });
  }
}

export class TypeOrmLinkRepository implements LinkRepository {
  constructor(private readonly manager: EntityManager) {}

  private get repo() {
    return this.manager.getRepository(TeacherStudentRow);
  }

  async link(teacherId: string, studentId: string, at: Date): Promise<boolean> {
    const result = await this.repo.createQueryBuilder().insert().into(TeacherStudentRow).values({ teacherId, studentId, linkedAt: at }).orIgnore().returning('teacher_id').execute();
    return (result.raw as unknown[]).length === 1;
  }

  async unlink(teacherId: string, studentId: string): Promise<boolean> {
    const result = await this.repo.delete({ teacherId, studentId });
    return (result.affected ?? 0) > 0;
  }

  async studentsOf(teacherId: string): Promise<(StudentLink & { studentStatus: AccountStatus })[]> {
    const rows = await this.repo
      .createQueryBuilder('link')
      .innerJoin(UserRow, 'student', 'student.id = link.studentId')
      .select(['link.teacherId AS "teacherId"', 'link.studentId AS "studentId"', 'link.linkedAt AS "linkedAt"', 'student.status AS "studentStatus"'])
      .where('link.teacherId = :teacherId', { teacherId })
      .orderBy('link.linkedAt', 'ASC')
      .getRawMany<StudentLink & { studentStatus: AccountStatus }>();
    return rows.map((row) => ({ ...row, linkedAt: new Date(row.linkedAt) }));
  }

  async linksOf(userId: string): Promise<StudentLink[]> {
    const rows = await this.repo
      .createQueryBuilder('link')
      .where(new Brackets((where) => where.where('link.teacherId = :userId', { userId }).orWhere('link.studentId = :userId', { userId })))
      .orderBy('link.linkedAt', 'ASC')
      .getMany();
    return rows.map(toLink);
  }

  async removeLinksOf(userId: string, as: 'teacher' | 'student' | 'either'): Promise<StudentLink[]> {
    const where = as === 'teacher' ? 'teacher_id = :userId' : as === 'student' ? 'student_id = :userId' : '(teacher_id = :userId OR student_id = :userId)';
    const result = await this.repo.createQueryBuilder().delete().from(TeacherStudentRow).where(where, { userId }).returning('teacher_id, student_id, linked_at').execute();
    return (result.raw as { teacher_id: string; student_id: string; linked_at: Date }[]).map((row) => ({
      teacherId: row.teacher_id,
      studentId: row.student_id,
      linkedAt: new Date(row.linked_at),
    }));
  }
}

export class TypeOrmClientVersionRepository implements ClientVersionRepository {
  constructor(private readonly manager: EntityManager) {}

  async stored(): Promise<Partial<ClientVersions>> {
    const rows = await this.manager.getRepository(ClientVersionRow).find();
    return Object.fromEntries(rows.map((row) => [row.platform, row.minVersion]));
  }

  async store(versions: Partial<ClientVersions>, at: Date): Promise<void> {
    const rows = Object.entries(versions)
      .filter(([, version]) => version !== undefined)
      .map(([platform, minVersion]) => ({ platform: platform as ClientVersionRow['platform'], minVersion: minVersion as string, updatedAt: at }));
    if (rows.length > 0) await this.manager.getRepository(ClientVersionRow).upsert(rows, ['platform']);
  }
}

export class TypeOrmOneTimeTaskRepository implements OneTimeTaskRepository {
  constructor(private readonly manager: EntityManager) {}

  async isDone(task: string): Promise<boolean> {
    return this.manager.getRepository(OneTimeTaskRow).existsBy({ name: task });
  }

  async markDone(task: string, at: Date): Promise<void> {
    await this.manager.getRepository(OneTimeTaskRow).createQueryBuilder().insert().into(OneTimeTaskRow).values({ name: task, completedAt: at }).orIgnore().execute();
  }
}

function toAccount(row: UserRow | null): UserAccount | null {
  if (!row) return null;
  return {
    id: row.id,
    role: row.role,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    emailIndex: row.emailIndex,
    passwordHash: row.passwordHash,
  };
}

function toSession(row: SessionRow | null): (Session & { expiresAt: Date }) | null {
  if (!row) return null;
  return {
    id: row.id,
    userId: row.userId,
    deviceId: row.deviceId,
    deviceName: row.deviceName,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
  };
}

function toLink(row: TeacherStudentRow): StudentLink {
  return { teacherId: row.teacherId, studentId: row.studentId, linkedAt: row.linkedAt };
}
