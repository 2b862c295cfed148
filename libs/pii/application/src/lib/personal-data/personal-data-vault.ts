import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { EmailIndexChanged, PERSONAL_FIELDS, PersonalDataUpdated, type PersonalData } from '@tall/pii/contracts';
import {
  changedFields,
  decryptField,
  emailIndexChanged,
  encryptField,
  generateDataKey,
  PiiError,
  PiiIntegrityError,
  unwrapDataKey,
  wrapDataKey,
  type DataKey,
  type FieldName,
  type PersonalFields,
} from '@tall/pii/domain';
import { CLOCK, type Clock } from '../ports/clock.port';
import { EMAIL_INDEXER, type EmailIndexer } from '../ports/email-indexer.port';
import { INTEGRITY_MONITOR, type IntegrityMonitor } from '../ports/integrity-monitor.port';
import { MASTER_KEYS, type MasterKeys } from '../ports/master-keys.port';
import { PERSONAL_DATA_REPOSITORY, type FieldCiphertexts, type PersonalDataRepository, type StoredRecord } from '../ports/personal-data-repository.port';
import { piiEvent } from '../pii-events';

/**
 * Personal data in and out of its ciphertexts. Values are encrypted under the user's data key
 * before they reach the repository and decrypted only here; an integrity failure is reported to
 * the monitor and fails the whole read, so bytes that did not authenticate are never returned.
 */
@Injectable()
export class PersonalDataVault {
  constructor(
    @Inject(PERSONAL_DATA_REPOSITORY) private readonly repository: PersonalDataRepository,
    @Inject(MASTER_KEYS) private readonly masterKeys: MasterKeys,
    @Inject(EMAIL_INDEXER) private readonly emails: EmailIndexer,
    @Inject(INTEGRITY_MONITOR) private readonly integrity: IntegrityMonitor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The user's record: `PII_ERASED` once erased, `PII_NOT_FOUND` when nothing is held. */
  async require(userId: string): Promise<StoredRecord> {
    const record = await this.repository.find(userId);
    if (record) return record;
    if (await this.repository.erasure(userId)) throw new PiiError('PII_ERASED');
    throw new PiiError('PII_NOT_FOUND');
  }

  /** Decrypts the wanted fields (others stay empty); any integrity failure fails the whole read. */
  async open(record: StoredRecord, wanted: readonly FieldName[] = PERSONAL_FIELDS): Promise<PersonalFields> {
    const key = await this.dataKeyOf(record);
    const fields: PersonalFields = { firstName: '', lastName: '', email: '', birthDate: null, locale: null };
    for (const field of wanted) {
      const stored = record.ciphertexts[field];
      if (stored === null) continue;
      fields[field] = this.checked(record.userId, field, () => decryptField(key, record.userId, field, stored));
    }
    return fields;
  }

  /** A new data key under the current master key, and every field under it; false when the user has a record already. */
  async create(userId: string, fields: PersonalFields, emailBlindIndex: string): Promise<boolean> {
    const master = await this.masterKeys.current();
    const key = generateDataKey();
    return this.repository.insert(
      {
        userId,
        keyId: key.id,
        wrappedKey: wrapDataKey(master, userId, key),
        masterVersion: master.versionId,
        ciphertexts: encryptAll(key, userId, fields),
        emailBlindIndex,
      },
      [this.updatedEvent(userId, changedFields(undefined, fields))],
    );
  }

  /** Writes the fields that differ from `before`; a new email also gets a new login index, published. */
  async replace(record: StoredRecord, before: PersonalFields, next: PersonalFields): Promise<void> {
    const changed = changedFields(before, next);
    if (changed.length === 0) return;
    const key = await this.dataKeyOf(record);
    const ciphertexts: Partial<FieldCiphertexts> = {};
    for (const field of changed) {
      const value = next[field];
      (ciphertexts as Record<string, Buffer | null>)[field] = value === null ? null : encryptField(key, record.userId, field, value);
    }
    const events: EventEnvelope[] = [this.updatedEvent(record.userId, changed)];
    let emailBlindIndex: string | undefined;
    if (emailIndexChanged(before, next)) {
      emailBlindIndex = await this.emails.indexOf(next.email);
      events.push(piiEvent(EmailIndexChanged, { userId: record.userId, emailBlindIndex, at: this.clock.now().toISOString() }, record.userId));
    }
    await this.repository.update(record.userId, { ciphertexts, emailBlindIndex }, events);
  }

  private async dataKeyOf(record: StoredRecord): Promise<DataKey> {
    const master = await this.masterKeys.version(record.masterVersion);
    return this.checked(record.userId, 'dataKey', () => unwrapDataKey(master, record.userId, record.keyId, record.wrappedKey));
  }

  private checked<T>(subjectId: string, what: FieldName | 'dataKey', work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof PiiIntegrityError) this.integrity.failed({ subjectId, what, kind: error.kind });
      throw error;
    }
  }

  private updatedEvent(userId: string, fields: readonly FieldName[]): EventEnvelope {
    return piiEvent(PersonalDataUpdated, { userId, fields: [...fields], at: this.clock.now().toISOString() }, userId);
  }
}

export function toPersonalData(userId: string, fields: PersonalFields, updatedAt: Date): PersonalData {
  return { userId, ...fields, updatedAt: updatedAt.toISOString() };
}

function encryptAll(key: DataKey, userId: string, fields: PersonalFields): FieldCiphertexts {
  const optional = (field: 'birthDate' | 'locale') => {
    const value = fields[field];
    return value === null ? null : encryptField(key, userId, field, value);
  };
  return {
    firstName: encryptField(key, userId, 'firstName', fields.firstName),
    lastName: encryptField(key, userId, 'lastName', fields.lastName),
    email: encryptField(key, userId, 'email', fields.email),
    birthDate: optional('birthDate'),
    locale: optional('locale'),
  };
}
