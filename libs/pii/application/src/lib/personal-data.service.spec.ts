import { randomUUID } from 'node:crypto';
import { emailBlindIndex } from '@tall/pii/contracts';
import { PiiIntegrityError } from '@tall/pii/domain';
import { EmailTakenError, PersonalDataErasedError, ReadForbiddenError } from './pii-errors';
import { PersonalDataService } from './personal-data.service';
import { InMemoryMasterKeys, InMemoryPii, RecordingIntegrityMonitor, TestEmailIndexer } from './testing/in-memory-pii';

describe('PersonalDataService', () => {
  let store: InMemoryPii;
  let emails: TestEmailIndexer;
  let integrity: RecordingIntegrityMonitor;
  let service: PersonalDataService;
  const student = randomUUID();
  const teacher = randomUUID();
  const admin = randomUUID();

  const register = (userId = student, email = 'Ada.Lovelace@Example.org') =>
    service.store({ userId, firstName: 'Ada', lastName: 'Lovelace', email, birthDate: '2009-12-10' });
  const eventsOf = (type: string) => store.events.filter((event) => event.type === type);

  beforeEach(() => {
    store = new InMemoryPii();
    emails = new TestEmailIndexer();
    integrity = new RecordingIntegrityMonitor();
    service = new PersonalDataService(store, new InMemoryMasterKeys(store), emails, integrity);
  });

  it('stores every field encrypted and publishes only the names of the fields', async () => {
    const result = await register();
    expect(result).toEqual({ userId: student, emailBlindIndex: emailBlindIndex(emails.key, 'ada.lovelace@example.org'), created: true });
    const stored = store.records.get(student);
    const bytes = Buffer.concat(Object.values(stored?.ciphertexts ?? {}).filter((value): value is Buffer => value !== null));
    for (const value of ['Ada', 'Lovelace', 'Example', '2009-12-10']) expect(bytes.includes(Buffer.from(value))).toBe(false);
    expect(eventsOf('user.pii.updated').map((event) => event.payload)).toEqual([
      { userId: student, fields: ['firstName', 'lastName', 'email', 'birthDate'], at: expect.any(String) },
    ]);
    // Ids and blind indexes are hex, which can spell 'ada': look for the name as a whole word.
    expect(JSON.stringify(store.events)).not.toMatch(/\bAda\b|Lovelace|example/i);
  });

  it('replaces on a second store, keeping an omitted birth date', async () => {
    await register();
    const again = await service.store({ userId: student, firstName: 'Ada', lastName: 'King', email: 'ada.lovelace@example.org ' });
    expect(again.created).toBe(false);
    const own = await service.readOwn(student, 'STUDENT');
    expect(own).toMatchObject({ firstName: 'Ada', lastName: 'King', birthDate: '2009-12-10', locale: null });
  });

  it('refuses an email another user has, compared as normalised', async () => {
    await register();
    await expect(register(randomUUID(), ' ADA.lovelace@example.ORG')).rejects.toBeInstanceOf(EmailTakenError);
  });

  it('audits the user reading their own data', async () => {
    await register();
    await service.readOwn(student, 'STUDENT');
    expect(eventsOf('pii.accessed').map((event) => event.payload)).toEqual([
      {
        accessorId: student,
        accessorRole: 'STUDENT',
        subjectId: student,
        fields: ['firstName', 'lastName', 'email', 'birthDate', 'locale'],
        purpose: 'self-service',
        at: expect.any(String),
      },
    ]);
  });

  it('lets an admin read everything and a teacher only the name of a linked student', async () => {
    await register();
    const byAdmin = await service.readUser({ kind: 'user', userId: admin, role: 'EDU_ADMIN' }, student, 'user-administration');
    expect(byAdmin.value).toMatchObject({ email: 'Ada.Lovelace@Example.org', birthDate: '2009-12-10' });

    const asTeacher = { kind: 'user' as const, userId: teacher, role: 'TEACHER' };
    await expect(service.readUser(asTeacher, student, 'teaching')).rejects.toBeInstanceOf(ReadForbiddenError);
    store.links.add(`${teacher}:${student}`);
    const byTeacher = await service.readUser(asTeacher, student, 'teaching');
    expect(byTeacher.value).toEqual({ userId: student, firstName: 'Ada', lastName: 'Lovelace' });
    expect(eventsOf('pii.accessed').map((event) => event.payload)).toEqual([
      expect.objectContaining({ accessorId: admin, accessorRole: 'EDU_ADMIN', purpose: 'user-administration' }),
      expect.objectContaining({ accessorId: teacher, accessorRole: 'TEACHER', fields: ['firstName', 'lastName'], purpose: 'teaching' }),
    ]);
  });

  it('gives display names only for users the reader may see, each read audited', async () => {
    const other = randomUUID();
    await register();
    await register(other, 'grace@example.org');
    store.links.add(`${teacher}:${student}`);
    const names = await service.displayNames({ kind: 'user', userId: teacher, role: 'TEACHER' }, [student, other, randomUUID()], 'teaching');
    expect(names).toEqual([{ userId: student, firstName: 'Ada', lastName: 'Lovelace' }]);
    const all = await service.displayNames({ kind: 'service', module: 'profile' }, [student, other], 'user-administration');
    expect(all.map((name) => name.userId).sort()).toEqual([student, other].sort());
    expect(eventsOf('pii.accessed').map((event) => (event.payload as { accessorId: string }).accessorId)).toEqual([
      teacher,
      'service:profile',
      'service:profile',
    ]);
  });

  it('publishes the new blind index, and only that, when the email changes', async () => {
    await register();
    await service.replaceOwn(student, 'STUDENT', { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@new.example', birthDate: null, locale: 'nl' });
    expect(eventsOf('user.pii.emailIndexChanged').map((event) => event.payload)).toEqual([
      { userId: student, emailBlindIndex: emailBlindIndex(emails.key, 'ada@new.example'), at: expect.any(String) },
    ]);
    expect(eventsOf('user.pii.updated').at(-1)?.payload).toMatchObject({ fields: ['email', 'birthDate', 'locale'] });
    await service.replaceOwn(student, 'STUDENT', { firstName: 'Ada', lastName: 'L.', email: 'ADA@new.example', birthDate: null, locale: 'nl' });
    expect(eventsOf('user.pii.emailIndexChanged')).toHaveLength(1);
  });

  it('fails a read of a tampered ciphertext with an integrity error, reports it, and audits nothing', async () => {
    await register();
    const record = store.records.get(student);
    if (!record) throw new Error('not stored');
    record.ciphertexts.lastName[30] ^= 1;
    await expect(service.readOwn(student, 'STUDENT')).rejects.toBeInstanceOf(PiiIntegrityError);
    expect(integrity.failures).toEqual([{ subjectId: student, what: 'lastName', kind: 'tampered' }]);
    expect(eventsOf('pii.accessed')).toEqual([]);
  });

  it('answers erased for an erased user', async () => {
    await register();
    await store.shred({ userId: student, erasedAt: new Date(), reason: 'account-deleted' }, []);
    await expect(service.readOwn(student, 'STUDENT')).rejects.toBeInstanceOf(PersonalDataErasedError);
    await expect(register()).rejects.toBeInstanceOf(PersonalDataErasedError);
    await expect(service.exportOwn({ kind: 'user', userId: student, role: 'STUDENT' }, student)).rejects.toBeInstanceOf(PersonalDataErasedError);
  });

  it('exports only for the user themself (or an admin)', async () => {
    await register();
    await expect(service.exportOwn({ kind: 'user', userId: teacher, role: 'TEACHER' }, student)).rejects.toBeInstanceOf(ReadForbiddenError);
    await expect(service.exportOwn({ kind: 'user', userId: student, role: 'STUDENT' }, student)).resolves.toMatchObject({ lastName: 'Lovelace' });
  });
});
