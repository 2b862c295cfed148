import type { EventEnvelope } from '@tall/platform/event-contracts';
import { emailBlindIndex, generateBlindIndexKey } from '@tall/pii/contracts';
import { generateMasterKeyMaterial, parseMasterKey, PiiError, type MasterKey } from '@tall/pii/domain';
import { AccessLog } from '../personal-data/access-log';
import { PersonalDataVault } from '../personal-data/personal-data-vault';
import type { Clock } from '../ports/clock.port';
import type { EmailIndexer } from '../ports/email-indexer.port';
import type { IntegrityFailure, IntegrityMonitor } from '../ports/integrity-monitor.port';
import type { KeyRotationRecord, KeyRotationStore, MasterKeyVersionInfo } from '../ports/key-rotation-store.port';
import type { RotatableMasterKeys } from '../ports/master-keys.port';
import type {
  Erasure,
  InboxDelivery,
  NewRecord,
  PersonalDataRepository,
  RecordChanges,
  StoredDataKey,
  StoredRecord,
  TeacherLink,
  UserRoleRecord,
} from '../ports/personal-data-repository.port';

/** The pii ports in memory, for unit tests of the use cases. */
export class InMemoryPii implements PersonalDataRepository, KeyRotationStore {
  readonly records = new Map<string, StoredRecord>();
  readonly erasures = new Map<string, Erasure>();
  readonly events: EventEnvelope[] = [];
  readonly links = new Set<string>();
  readonly roles = new Map<string, string>();
  readonly versionInfo: MasterKeyVersionInfo[] = [];
  readonly rotations: KeyRotationRecord[] = [];
  private readonly delivered = new Set<string>();
  private locked = false;

  async find(userId: string) {
    return this.records.get(userId);
  }
  async findMany(userIds: readonly string[]) {
    return userIds.map((id) => this.records.get(id)).filter((record): record is StoredRecord => !!record);
  }
  async erasure(userId: string) {
    return this.erasures.get(userId);
  }
  async insert(record: NewRecord, events: EventEnvelope[]) {
    if (this.records.has(record.userId)) return false;
    this.assertUniqueEmail(record.userId, record.emailBlindIndex);
    const now = new Date();
    this.records.set(record.userId, { ...record, createdAt: now, updatedAt: now });
    this.events.push(...events);
    return true;
  }
  async update(userId: string, changes: RecordChanges, events: EventEnvelope[]) {
    const record = this.records.get(userId);
    if (!record) throw new Error('no record');
    if (changes.emailBlindIndex) this.assertUniqueEmail(userId, changes.emailBlindIndex);
    this.records.set(userId, {
      ...record,
      ciphertexts: { ...record.ciphertexts, ...changes.ciphertexts },
      emailBlindIndex: changes.emailBlindIndex ?? record.emailBlindIndex,
      updatedAt: new Date(),
    });
    this.events.push(...events);
  }
  async shred(erasure: Erasure, events: EventEnvelope[]) {
    if (this.erasures.has(erasure.userId)) return false;
    this.records.delete(erasure.userId);
    this.roles.delete(erasure.userId);
    this.erasures.set(erasure.userId, erasure);
    this.events.push(...events);
    return true;
  }
  async appendEvents(events: EventEnvelope[]) {
    this.events.push(...events);
  }
  async linkedStudents(teacherId: string, studentIds: readonly string[]) {
    return new Set(studentIds.filter((id) => this.links.has(`${teacherId}:${id}`)));
  }
  async applyTeacherLink(delivery: InboxDelivery, link: TeacherLink, linked: boolean) {
    const claim = `${delivery.handler}:${delivery.eventId}`;
    if (this.delivered.has(claim)) return false;
    this.delivered.add(claim);
    if (linked) this.links.add(`${link.teacherId}:${link.studentId}`);
    else this.links.delete(`${link.teacherId}:${link.studentId}`);
    return true;
  }
  async rolesOf(userIds: readonly string[]) {
    return new Map(userIds.filter((id) => this.roles.has(id)).map((id) => [id, this.roles.get(id) as string]));
  }
  async applyUserRole(delivery: InboxDelivery, userId: string, role: string) {
    const claim = `${delivery.handler}:${delivery.eventId}`;
    if (this.delivered.has(claim)) return false;
    this.delivered.add(claim);
    if (!this.erasures.has(userId)) this.roles.set(userId, role);
    return true;
  }
  async recordMissingRoles(roles: readonly UserRoleRecord[]) {
    let recorded = 0;
    for (const { userId, role } of roles) {
      if (this.roles.has(userId) || this.erasures.has(userId)) continue;
      this.roles.set(userId, role);
      recorded++;
    }
    return recorded;
  }

  async withRotationLock<T>(work: () => Promise<T>): Promise<{ ran: true; result: T } | { ran: false }> {
    if (this.locked) return { ran: false };
    this.locked = true;
    try {
      return { ran: true, result: await work() };
    } finally {
      this.locked = false;
    }
  }
  async rewrapBatch(target: string, after: string | null, limit: number, rewrap: (row: StoredDataKey) => Promise<Buffer>) {
    const rows = [...this.records.values()]
      .filter((record) => record.masterVersion !== target && (after === null || record.userId > after))
      .sort((a, b) => a.userId.localeCompare(b.userId))
      .slice(0, limit);
    let rewrapped = 0;
    let failed = 0;
    for (const row of rows) {
      try {
        const wrappedKey = await rewrap(row);
        this.records.set(row.userId, { ...row, wrappedKey, masterVersion: target });
        rewrapped++;
      } catch {
        failed++;
      }
    }
    return { rewrapped, failed, last: rows.at(-1)?.userId ?? null };
  }
  async countNotUnder(versionId: string) {
    return [...this.records.values()].filter((record) => record.masterVersion !== versionId).length;
  }
  async versions() {
    return this.versionInfo;
  }
  async retireUnreferenced(except: string) {
    const used = new Set([...this.records.values()].map((record) => record.masterVersion));
    const retired = this.versionInfo.filter((info) => !info.retiredAt && info.versionId !== except && !used.has(info.versionId));
    retired.forEach((info) => (info.retiredAt = new Date()));
    return retired.map((info) => info.versionId);
  }

  async lastRotation() {
    return [...this.rotations].sort((a, b) => b.rotatedAt.getTime() - a.rotatedAt.getTime())[0];
  }
  async recordRotation(rotation: KeyRotationRecord, events: EventEnvelope[]) {
    this.rotations.push(rotation);
    this.events.push(...events);
  }

  private assertUniqueEmail(userId: string, index: string) {
    for (const record of this.records.values()) {
      if (record.userId !== userId && record.emailBlindIndex === index) throw new PiiError('EMAIL_TAKEN');
    }
  }
}

export class InMemoryMasterKeys implements RotatableMasterKeys {
  readonly held = new Map<string, MasterKey>();
  private currentId: string;
  private counter = 1;

  constructor(private readonly store: InMemoryPii, private readonly clock: Clock = new TestClock()) {
    this.currentId = this.add();
  }
  async current() {
    return this.held.get(this.currentId) as MasterKey;
  }
  async version(versionId: string) {
    const key = this.held.get(versionId);
    if (!key) throw new Error(`no master key version ${versionId}`);
    return key;
  }
  async createVersion() {
    this.currentId = this.add();
    return this.current();
  }
  forget(versionIds: readonly string[]) {
    versionIds.forEach((id) => this.held.delete(id));
  }
  private add(): string {
    const versionId = `v${this.counter++}`;
    this.held.set(versionId, parseMasterKey(versionId, generateMasterKeyMaterial()));
    this.store.versionInfo.push({ versionId, createdAt: this.clock.now(), retiredAt: null });
    return versionId;
  }
}

export class TestEmailIndexer implements EmailIndexer {
  readonly key = generateBlindIndexKey();
  async indexOf(email: string) {
    return emailBlindIndex(this.key, email);
  }
}

export class RecordingIntegrityMonitor implements IntegrityMonitor {
  readonly failures: IntegrityFailure[] = [];
  failed(failure: IntegrityFailure) {
    this.failures.push(failure);
  }
}

/** The time, set by the test. */
export class TestClock implements Clock {
  constructor(public time = new Date()) {}
  now() {
    return this.time;
  }
}

/** Every in-memory port, and the shared collaborators the handlers are built from. */
export function inMemoryPii(clock = new TestClock()) {
  const store = new InMemoryPii();
  const keys = new InMemoryMasterKeys(store, clock);
  const emails = new TestEmailIndexer();
  const integrity = new RecordingIntegrityMonitor();
  return {
    store,
    keys,
    emails,
    integrity,
    clock,
    vault: new PersonalDataVault(store, keys, emails, integrity, clock),
    accessLog: new AccessLog(store, clock),
  };
}

export type InMemoryPiiContext = ReturnType<typeof inMemoryPii>;
