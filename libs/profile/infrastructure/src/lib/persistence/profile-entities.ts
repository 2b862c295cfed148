import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { UserRole } from '@tall/profile/contracts';
import type { AccountStatus } from '@tall/profile/domain';

export const PROFILE_SCHEMA = 'profile';

@Entity({ schema: PROFILE_SCHEMA, name: 'users' })
export class UserRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') role!: UserRole;
  @Column('text') status!: AccountStatus;
  /** HMAC blind index of the normalised email: never the address. */
  @Column('text', { name: 'email_index', nullable: true }) emailIndex!: string | null;
  @Column('text', { name: 'password_hash', nullable: true }) passwordHash!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

@Entity({ schema: PROFILE_SCHEMA, name: 'sessions' })
export class SessionRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text', { name: 'device_id', nullable: true }) deviceId!: string | null;
  @Column('text', { name: 'device_name', nullable: true }) deviceName!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'last_used_at' }) lastUsedAt!: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('text', { name: 'revoke_reason', nullable: true }) revokeReason!: string | null;
}

@Entity({ schema: PROFILE_SCHEMA, name: 'refresh_tokens' })
export class RefreshTokenRow {
  /** SHA-256 of the token; the token itself is never stored. */
  @PrimaryColumn('text', { name: 'token_hash' }) tokenHash!: string;
  @Column('uuid', { name: 'session_id' }) sessionId!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'spent_at', nullable: true }) spentAt!: Date | null;
}

@Entity({ schema: PROFILE_SCHEMA, name: 'login_failures' })
export class LoginFailureRow {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('text', { name: 'email_index' }) emailIndex!: string;
  /** When the check was reserved (its failure time once it failed). */
  @Column('timestamptz', { name: 'failed_at' }) failedAt!: Date;
  /** The password is still being checked. */
  @Column('boolean', { default: false }) pending!: boolean;
}

@Entity({ schema: PROFILE_SCHEMA, name: 'teacher_students' })
export class TeacherStudentRow {
  @PrimaryColumn('uuid', { name: 'teacher_id' }) teacherId!: string;
  @PrimaryColumn('uuid', { name: 'student_id' }) studentId!: string;
  @Column('timestamptz', { name: 'linked_at' }) linkedAt!: Date;
}

@Entity({ schema: PROFILE_SCHEMA, name: 'client_versions' })
export class ClientVersionRow {
  @PrimaryColumn('text') platform!: 'web' | 'android' | 'desktop';
  @Column('text', { name: 'min_version' }) minVersion!: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** A task done once per database, and when it completed. */
@Entity({ schema: PROFILE_SCHEMA, name: 'one_time_tasks' })
export class OneTimeTaskRow {
  @PrimaryColumn('text') name!: string;
  @Column('timestamptz', { name: 'completed_at' }) completedAt!: Date;
}

export const PROFILE_ENTITIES = [UserRow, SessionRow, RefreshTokenRow, LoginFailureRow, TeacherStudentRow, ClientVersionRow, OneTimeTaskRow];
