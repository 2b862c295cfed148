import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { inTransaction, PG_POOL } from '@tall/platform/database';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import type {
  Erasure,
  ErasureReason,
  FieldCiphertexts,
  InboxDelivery,
  KeyRotationRecord,
  KeyRotationStore,
  MasterKeyVersionInfo,
  NewRecord,
  PersonalDataRepository,
  RecordChanges,
  StoredDataKey,
  StoredRecord,
  TeacherLink,
  UserRoleRecord,
} from '@tall/pii/application';
import { PiiError } from '@tall/pii/domain';
import { piiInbox, piiOutbox } from './pii-migrations';

const COLUMNS: Record<keyof FieldCiphertexts, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  birthDate: 'birth_date',
  locale: 'locale',
};

const SELECT_RECORD = `
  SELECT p.user_id, k.key_id, k.wrapped_key, k.master_version, p.first_name, p.last_name, p.email, p.birth_date, p.locale,
         p.email_blind_index, p.created_at, p.updated_at
  FROM pii.personal_data p JOIN pii.data_keys k ON k.user_id = p.user_id`;

const ROTATION_LOCK = createHash('sha256').update('tall.pii.master-key-rotation').digest().readBigInt64BE(0).toString();

interface RecordRow {
  user_id: string;
  key_id: string;
  wrapped_key: Buffer;
  master_version: string;
  first_name: Buffer;
  last_name: Buffer;
  email: Buffer;
  birth_date: Buffer | null;
  locale: Buffer | null;
  email_blind_index: string;
  created_at: Date;
  updated_at: Date;
}

/** The pii schema in PostgreSQL; state and its events are written in one transaction. */
@Injectable()
export class PgPiiRepository implements PersonalDataRepository, KeyRotationStore {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async find(userId: string): Promise<StoredRecord | undefined> {
    const { rows } = await this.pool.query<RecordRow>(`${SELECT_RECORD} WHERE p.user_id = $1`, [userId]);
    return rows[0] && toRecord(rows[0]);
  }

  async findMany(userIds: readonly string[]): Promise<StoredRecord[]> {
    if (userIds.length === 0) return [];
    const { rows } = await this.pool.query<RecordRow>(`${SELECT_RECORD} WHERE p.user_id = ANY($1::uuid[]) ORDER BY p.user_id`, [userIds]);
    return rows.map(toRecord);
  }

  async erasure(userId: string): Promise<Erasure | undefined> {
    const { rows } = await this.pool.query<{ erased_at: Date; reason: ErasureReason }>(
      'SELECT erased_at, reason FROM pii.erasures WHERE user_id = $1',
      [userId],
    );
    return rows[0] && { userId, erasedAt: rows[0].erased_at, reason: rows[0].reason };
  }

  async insert(record: NewRecord, events: EventEnvelope[]): Promise<boolean> {
    return this.write(async (tx) => {
      const key = await tx.query(
        `INSERT INTO pii.data_keys (user_id, key_id, wrapped_key, master_version)
         SELECT $1, $2, $3, $4 WHERE NOT EXISTS (SELECT 1 FROM pii.erasures WHERE user_id = $1)
         ON CONFLICT (user_id) DO NOTHING`,
        [record.userId, record.keyId, record.wrappedKey, record.masterVersion],
      );
      if (key.rowCount === 0) return false;
      const c = record.ciphertexts;
      await tx.query(
        `INSERT INTO pii.personal_data (user_id, first_name, last_name, email, birth_date, locale, email_blind_index)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [record.userId, c.firstName, c.lastName, c.email, c.birthDate, c.locale, record.emailBlindIndex],
      );
      await piiOutbox.append(tx, events);
      return true;
    });
  }

  async update(userId: string, changes: RecordChanges, events: EventEnvelope[]): Promise<void> {
    await this.write(async (tx) => {
      const sets: string[] = [];
      const values: unknown[] = [userId];
      for (const [field, value] of Object.entries(changes.ciphertexts) as [keyof FieldCiphertexts, Buffer | null][]) {
        values.push(value);
        sets.push(`${COLUMNS[field]} = $${values.length}`);
      }
      if (changes.emailBlindIndex) {
        values.push(changes.emailBlindIndex);
        sets.push(`email_blind_index = $${values.length}`);
      }
      sets.push('updated_at = now()');
      await tx.query(`UPDATE pii.personal_data SET ${sets.join(', ')} WHERE user_id = $1`, values);
      await piiOutbox.append(tx, events);
    });
  }

  async shred(erasure: Erasure, events: EventEnvelope[]): Promise<boolean> {
    return this.write(async (tx) => {
      const tombstone = await tx.query(
        'INSERT INTO pii.erasures (user_id, erased_at, reason) VALUES ($1, $2, $3) ON CONFLICT (user_id) DO NOTHING',
        [erasure.userId, erasure.erasedAt, erasure.reason],
      );
      if (tombstone.rowCount === 0) return false;
      // The data key goes, and with it (cascade) every ciphertext: nothing decryptable is left.
      await tx.query('DELETE FROM pii.data_keys WHERE user_id = $1', [erasure.userId]);
      await tx.query('DELETE FROM pii.teacher_students WHERE teacher_id = $1 OR student_id = $1', [erasure.userId]);
      await tx.query('DELETE FROM pii.user_roles WHERE user_id = $1', [erasure.userId]);
      await piiOutbox.append(tx, events);
      return true;
    });
  }

  async appendEvents(events: EventEnvelope[]): Promise<void> {
    await piiOutbox.append(this.pool, events);
  }

  async linkedStudents(teacherId: string, studentIds: readonly string[]): Promise<Set<string>> {
    if (studentIds.length === 0) return new Set();
    const { rows } = await this.pool.query<{ student_id: string }>(
      'SELECT student_id FROM pii.teacher_students WHERE teacher_id = $1 AND student_id = ANY($2::uuid[])',
      [teacherId, studentIds],
    );
    return new Set(rows.map((row) => row.student_id));
  }

  async applyTeacherLink(delivery: InboxDelivery, { teacherId, studentId }: TeacherLink, linked: boolean): Promise<boolean> {
    return piiInbox.runOnce(this.pool, delivery.eventId, delivery.handler, async (tx) => {
      if (linked) {
        await tx.query('INSERT INTO pii.teacher_students (teacher_id, student_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [teacherId, studentId]);
      } else {
        await tx.query('DELETE FROM pii.teacher_students WHERE teacher_id = $1 AND student_id = $2', [teacherId, studentId]);
      }
    });
  }

  async rolesOf(userIds: readonly string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const { rows } = await this.pool.query<{ user_id: string; role: string }>('SELECT user_id, role FROM pii.user_roles WHERE user_id = ANY($1::uuid[])', [
      userIds,
    ]);
    return new Map(rows.map((row) => [row.user_id, row.role]));
  }

  async applyUserRole(delivery: InboxDelivery, userId: string, role: string): Promise<boolean> {
    return piiInbox.runOnce(this.pool, delivery.eventId, delivery.handler, async (tx) => {
      await tx.query(
        `INSERT INTO pii.user_roles (user_id, role) SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM pii.erasures WHERE user_id = $1)
         ON CONFLICT (user_id) DO UPDATE SET role = EXCLUDED.role, updated_at = now()`,
        [userId, role],
      );
    });
  }

  async recordMissingRoles(roles: readonly UserRoleRecord[]): Promise<number> {
    if (roles.length === 0) return 0;
    // DO NOTHING on a known role: it came from one of profile's events, as new as this one or newer.
    const result = await this.pool.query(
      `INSERT INTO pii.user_roles (user_id, role)
       SELECT given.user_id, given.role FROM unnest($1::uuid[], $2::text[]) AS given (user_id, role)
       WHERE NOT EXISTS (SELECT 1 FROM pii.erasures e WHERE e.user_id = given.user_id)
       ON CONFLICT (user_id) DO NOTHING`,
      [roles.map((entry) => entry.userId), roles.map((entry) => entry.role)],
    );
    return result.rowCount ?? 0;
  }

  async withRotationLock<T>(work: () => Promise<T>): Promise<{ ran: true; result: T } | { ran: false }> {
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [ROTATION_LOCK]);
      if (!rows[0]?.locked) return { ran: false };
      try {
        return { ran: true, result: await work() };
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [ROTATION_LOCK]).catch(() => undefined);
      }
    } finally {
      client.release();
    }
  }

  async rewrapBatch(
    targetVersion: string,
    after: string | null,
    limit: number,
    rewrap: (row: StoredDataKey) => Promise<Buffer>,
  ): Promise<{ rewrapped: number; failed: number; last: string | null }> {
    return inTransaction(this.pool, async (tx) => {
      const { rows } = await tx.query<{ user_id: string; key_id: string; wrapped_key: Buffer; master_version: string }>(
        `SELECT user_id, key_id, wrapped_key, master_version FROM pii.data_keys
         WHERE master_version <> $1 AND ($2::uuid IS NULL OR user_id > $2::uuid)
         ORDER BY user_id LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [targetVersion, after, limit],
      );
      let rewrapped = 0;
      let failed = 0;
      for (const row of rows) {
        let wrapped: Buffer;
        try {
          wrapped = await rewrap({ userId: row.user_id, keyId: row.key_id, wrappedKey: row.wrapped_key, masterVersion: row.master_version });
        } catch {
          failed++;
          continue;
        }
        await tx.query('UPDATE pii.data_keys SET wrapped_key = $2, master_version = $3, rewrapped_at = now() WHERE user_id = $1', [
          row.user_id,
          wrapped,
          targetVersion,
        ]);
        rewrapped++;
      }
      return { rewrapped, failed, last: rows.at(-1)?.user_id ?? null };
    });
  }

  async countNotUnder(versionId: string): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>('SELECT count(*) FROM pii.data_keys WHERE master_version <> $1', [versionId]);
    return Number(rows[0]?.count ?? 0);
  }

  async versions(): Promise<MasterKeyVersionInfo[]> {
    const { rows } = await this.pool.query<{ version_id: string; created_at: Date; retired_at: Date | null }>(
      'SELECT version_id, created_at, retired_at FROM pii.master_key_versions ORDER BY created_at, version_id',
    );
    return rows.map((row) => ({ versionId: row.version_id, createdAt: row.created_at, retiredAt: row.retired_at }));
  }

  async retireUnreferenced(exceptVersion: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ version_id: string }>(
      `UPDATE pii.master_key_versions v SET retired_at = now()
       WHERE retired_at IS NULL AND version_id <> $1
         AND NOT EXISTS (SELECT 1 FROM pii.data_keys k WHERE k.master_version = v.version_id)
       RETURNING version_id`,
      [exceptVersion],
    );
    return rows.map((row) => row.version_id).sort();
  }

  async lastRotation(): Promise<KeyRotationRecord | undefined> {
    const { rows } = await this.pool.query<{
      rotated_at: Date;
      master_key_version: string;
      trigger: KeyRotationRecord['trigger'];
      rotated_by: string;
      rotated_by_role: string;
      reason: string;
      forced: boolean;
    }>('SELECT rotated_at, master_key_version, trigger, rotated_by, rotated_by_role, reason, forced FROM pii.key_rotations ORDER BY rotated_at DESC, id DESC LIMIT 1');
    const row = rows[0];
    return (
      row && {
        rotatedAt: row.rotated_at,
        masterKeyVersion: row.master_key_version,
        trigger: row.trigger,
        rotatedBy: row.rotated_by,
        rotatedByRole: row.rotated_by_role,
        reason: row.reason,
        forced: row.forced,
      }
    );
  }

  async recordRotation(rotation: KeyRotationRecord, events: EventEnvelope[]): Promise<void> {
    await inTransaction(this.pool, async (tx) => {
      await tx.query(
        `INSERT INTO pii.key_rotations (rotated_at, master_key_version, trigger, rotated_by, rotated_by_role, reason, forced)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [rotation.rotatedAt, rotation.masterKeyVersion, rotation.trigger, rotation.rotatedBy, rotation.rotatedByRole, rotation.reason, rotation.forced],
      );
      await piiOutbox.append(tx, events);
    });
  }

  /** Records a master key version (before any data key may refer to it). */
  async recordVersion(versionId: string, createdAt?: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO pii.master_key_versions (version_id, created_at) VALUES ($1, coalesce($2, now()))
       ON CONFLICT (version_id) DO NOTHING`,
      [versionId, createdAt ?? null],
    );
  }

  private async write<T>(work: (tx: PoolClient) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(this.pool, work);
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code === '23505' && constraint === 'personal_data_email_blind_index_key') throw new PiiError('EMAIL_TAKEN');
      throw error;
    }
  }
}

function toRecord(row: RecordRow): StoredRecord {
  return {
    userId: row.user_id,
    keyId: row.key_id,
    wrappedKey: row.wrapped_key,
    masterVersion: row.master_version,
    ciphertexts: {
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      birthDate: row.birth_date,
      locale: row.locale,
    },
    emailBlindIndex: row.email_blind_index,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
