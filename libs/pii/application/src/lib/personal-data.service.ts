import { createEvent, type EventEnvelope } from '@tall/platform/event-contracts';
import { RequestContext } from '@tall/platform/observability';
import {
  EmailIndexChanged,
  NAME_FIELDS,
  PERSONAL_FIELDS,
  PersonalDataUpdated,
  PiiAccessed,
  type DisplayName,
  type PersonalData,
  type PersonalField,
  type PiiPurpose,
} from '@tall/pii/contracts';
import {
  accessorOf,
  changedFields,
  decideRead,
  decryptField,
  emailIndexChanged,
  encryptField,
  generateDataKey,
  PiiIntegrityError,
  unwrapDataKey,
  wrapDataKey,
  type DataKey,
  type FieldName,
  type PersonalFields,
  type Reader,
} from '@tall/pii/domain';
import { PersonalDataErasedError, PersonalDataNotFoundError, ReadForbiddenError } from './pii-errors';
import type { EmailIndexer, FieldCiphertexts, IntegrityMonitor, MasterKeys, PersonalDataRepository, StoredRecord } from './ports';

export interface StorePersonalDataCommand {
  userId: string;
  firstName: string;
  lastName: string;
  email: string;
  /** undefined keeps what is stored; null clears. */
  birthDate?: string | null;
  locale?: string | null;
}

export interface ReadResult<T> {
  value: T;
  fields: readonly PersonalField[];
}

const NAME_ONLY: readonly FieldName[] = NAME_FIELDS;
const ALL_FIELDS: readonly FieldName[] = PERSONAL_FIELDS;

/**
 * Stores, changes and reads personal data. Values are encrypted under the user's data key
 * before they reach the repository and decrypted only here, on a read that is allowed; every
 * read is recorded on `pii.access.log` before its answer is returned.
 */
export class PersonalDataService {
  constructor(
    private readonly repository: PersonalDataRepository,
    private readonly masterKeys: MasterKeys,
    private readonly emails: EmailIndexer,
    private readonly integrity: IntegrityMonitor,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Registration and admin creation (through `pii.storePersonalData`): creates or replaces. */
  async store(command: StorePersonalDataCommand): Promise<{ userId: string; emailBlindIndex: string; created: boolean }> {
    const { userId } = command;
    if (await this.repository.erasure(userId)) throw new PersonalDataErasedError();
    const emailBlindIndex = await this.emails.indexOf(command.email);
    const existing = await this.repository.find(userId);
    if (!existing) {
      const fields: PersonalFields = {
        firstName: command.firstName,
        lastName: command.lastName,
        email: command.email,
        birthDate: command.birthDate ?? null,
        locale: command.locale ?? null,
      };
      const master = await this.masterKeys.current();
      const key = generateDataKey();
      const inserted = await this.repository.insert(
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
      if (inserted) return { userId, emailBlindIndex, created: true };
    }
    // Stored already (a retry, or a concurrent first store): replace what was given.
    const record = existing ?? (await this.repository.find(userId));
    if (!record) throw new PersonalDataNotFoundError();
    const before = await this.decryptRecord(record);
    await this.replace(record, before, {
      firstName: command.firstName,
      lastName: command.lastName,
      email: command.email,
      birthDate: command.birthDate === undefined ? before.birthDate : command.birthDate,
      locale: command.locale === undefined ? before.locale : command.locale,
    });
    return { userId, emailBlindIndex, created: false };
  }

  /** `PUT /pii/me`: the whole document; answers with what is now stored (a read, so audited). */
  async replaceOwn(userId: string, role: string, next: PersonalFields): Promise<PersonalData> {
    const record = await this.requireRecord(userId);
    const before = await this.decryptRecord(record);
    await this.replace(record, before, next);
    const updated = await this.requireRecord(userId);
    await this.audit({ kind: 'user', userId, role }, userId, ALL_FIELDS, 'self-service');
    return toPersonalData(userId, next, updated.updatedAt);
  }

  /** `GET /pii/me` */
  async readOwn(userId: string, role: string): Promise<PersonalData> {
    const record = await this.requireRecord(userId);
    const fields = await this.decryptRecord(record);
    await this.audit({ kind: 'user', userId, role }, userId, ALL_FIELDS, 'self-service');
    return toPersonalData(userId, fields, record.updatedAt);
  }

  /**
   * `GET /pii/users/:id`: admins read everything; a teacher only the name of a linked student
   * (anyone else: ReadForbiddenError, answered as 404 so a teacher learns nothing of non-students).
   */
  async readUser(reader: Reader, subjectId: string, purpose: PiiPurpose): Promise<ReadResult<PersonalData | DisplayName>> {
    const linked = reader.kind === 'user' && reader.role === 'TEACHER' ? await this.isLinked(reader.userId, subjectId) : false;
    const decision = decideRead(reader, subjectId, ALL_FIELDS, NAME_ONLY, linked);
    if (!decision.allowed) throw new ReadForbiddenError();
    const record = await this.requireRecord(subjectId);
    const fields = await this.decryptRecord(record, decision.fields);
    await this.audit(reader, subjectId, decision.fields, purpose);
    const value =
      decision.fields.length === ALL_FIELDS.length
        ? toPersonalData(subjectId, fields, record.updatedAt)
        : { userId: subjectId, firstName: fields.firstName, lastName: fields.lastName };
    return { value, fields: decision.fields };
  }

  /** `pii.getDisplayNames`: the names the reader may see; the rest is left out. */
  async displayNames(reader: Reader, userIds: readonly string[], purpose: PiiPurpose): Promise<DisplayName[]> {
    const unique = [...new Set(userIds)];
    let visible = unique;
    if (reader.kind === 'user' && !['TECH_ADMIN', 'EDU_ADMIN'].includes(reader.role)) {
      const linked = reader.role === 'TEACHER' ? await this.repository.linkedStudents(reader.userId, unique) : new Set<string>();
      visible = unique.filter((id) => decideRead(reader, id, ALL_FIELDS, NAME_ONLY, linked.has(id)).allowed);
    }
    if (visible.length === 0) return [];
    const records = await this.repository.findMany(visible);
    const names: DisplayName[] = [];
    for (const record of records) {
      const fields = await this.decryptRecord(record, NAME_ONLY);
      names.push({ userId: record.userId, firstName: fields.firstName, lastName: fields.lastName });
    }
    await this.repository.appendEvents(names.map((name) => this.accessEvent(reader, name.userId, NAME_ONLY, purpose)));
    return names;
  }

  /** The pii section of the GDPR export: the user's own data (or nothing held), audited. */
  async exportOwn(reader: Reader, userId: string): Promise<PersonalData | undefined> {
    const decision = decideRead(reader, userId, ALL_FIELDS, NAME_ONLY, false);
    if (!decision.allowed || decision.fields.length !== ALL_FIELDS.length) throw new ReadForbiddenError();
    if (await this.repository.erasure(userId)) throw new PersonalDataErasedError();
    const record = await this.repository.find(userId);
    if (!record) return undefined;
    const fields = await this.decryptRecord(record);
    await this.audit(reader, userId, ALL_FIELDS, 'self-service');
    return toPersonalData(userId, fields, record.updatedAt);
  }

  /** 410 once erased: export and erasure check this first. */
  async assertNotErased(userId: string): Promise<void> {
    if (await this.repository.erasure(userId)) throw new PersonalDataErasedError();
  }

  private async replace(record: StoredRecord, before: PersonalFields, next: PersonalFields): Promise<FieldName[]> {
    const changed = changedFields(before, next);
    if (changed.length === 0) return changed;
    const key = await this.dataKeyOf(record);
    const ciphertexts: Partial<FieldCiphertexts> = {};
    for (const field of changed) {
      const value = next[field];
      (ciphertexts as Record<string, Buffer | null>)[field] = value === null ? null : encryptField(key, record.userId, field, value);
    }
    const events = [this.updatedEvent(record.userId, changed)];
    let emailBlindIndex: string | undefined;
    if (emailIndexChanged(before, next)) {
      emailBlindIndex = await this.emails.indexOf(next.email);
      events.push(
        createEvent(
          EmailIndexChanged,
          { userId: record.userId, emailBlindIndex, at: this.clock().toISOString() },
          this.meta(record.userId),
        ),
      );
    }
    await this.repository.update(record.userId, { ciphertexts, emailBlindIndex }, events);
    return changed;
  }

  private async requireRecord(userId: string): Promise<StoredRecord> {
    const record = await this.repository.find(userId);
    if (record) return record;
    if (await this.repository.erasure(userId)) throw new PersonalDataErasedError();
    throw new PersonalDataNotFoundError();
  }

  private async isLinked(teacherId: string, studentId: string): Promise<boolean> {
    return (await this.repository.linkedStudents(teacherId, [studentId])).has(studentId);
  }

  private async dataKeyOf(record: StoredRecord): Promise<DataKey> {
    const master = await this.masterKeys.version(record.masterVersion);
    return this.checked(record.userId, 'dataKey', () => unwrapDataKey(master, record.userId, record.keyId, record.wrappedKey));
  }

  /** Decrypts the wanted fields (others stay empty); any integrity failure fails the whole read. */
  private async decryptRecord(record: StoredRecord, wanted: readonly FieldName[] = ALL_FIELDS): Promise<PersonalFields> {
    const key = await this.dataKeyOf(record);
    const fields: PersonalFields = { firstName: '', lastName: '', email: '', birthDate: null, locale: null };
    for (const field of wanted) {
      const stored = record.ciphertexts[field];
      if (stored === null) continue;
      fields[field] = this.checked(record.userId, field, () => decryptField(key, record.userId, field, stored));
    }
    return fields;
  }

  private checked<T>(subjectId: string, what: FieldName | 'dataKey', work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof PiiIntegrityError) this.integrity.failed({ subjectId, what, kind: error.kind });
      throw error;
    }
  }

  private async audit(reader: Reader, subjectId: string, fields: readonly FieldName[], purpose: PiiPurpose): Promise<void> {
    await this.repository.appendEvents([this.accessEvent(reader, subjectId, fields, purpose)]);
  }

  private accessEvent(reader: Reader, subjectId: string, fields: readonly FieldName[], purpose: PiiPurpose): EventEnvelope {
    return createEvent(
      PiiAccessed,
      { ...accessorOf(reader), subjectId, fields: [...fields], purpose, at: this.clock().toISOString() },
      this.meta(subjectId),
    );
  }

  private updatedEvent(userId: string, fields: readonly FieldName[]): EventEnvelope {
    return createEvent(PersonalDataUpdated, { userId, fields: [...fields], at: this.clock().toISOString() }, this.meta(userId));
  }

  private meta(key: string) {
    const context = RequestContext.current();
    return { key, correlationId: RequestContext.correlationId(), actorId: context?.actorId ?? null };
  }
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

function toPersonalData(userId: string, fields: PersonalFields, updatedAt: Date): PersonalData {
  return { userId, ...fields, updatedAt: updatedAt.toISOString() };
}
