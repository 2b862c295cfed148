import { administeredRoles, USER_ROLES } from '@tall/profile/contracts';

/** Who reads personal data. Roles as in access tokens; services read without a user. */
export type Reader =
  | { kind: 'user'; userId: string; role: string }
  | { kind: 'service'; module: string };

/** Whose personal data is read: the id, and the account's role as pii learned it from profile (undefined until then). */
export interface Subject {
  id: string;
  role: string | undefined;
}

export type ReadDecision<F extends string> = { allowed: true; fields: readonly F[] } | { allowed: false };

/**
 * Whether deciding for this reader needs the subject's role: only for a role that administers
 * some roles but not every one (EDU_ADMIN). Spares the look-up for everyone else.
 */
export function needsSubjectRole(reader: Reader): boolean {
  if (reader.kind !== 'user') return false;
  const administered = administeredRoles(reader.role).length;
  return administered > 0 && administered < USER_ROLES.length;
}

/**
 * What a reader may see of a subject: a user themself everything; an admin everything of the
 * accounts profile lets them administer (profile's `ADMINISTERED_ROLES`: TECH_ADMIN anyone,
 * EDU_ADMIN teachers and students); a teacher the name of their own linked students; anyone
 * else nothing. A subject whose role pii has not learned yet is refused to a reader who
 * administers only some roles: unknown is never taken for allowed. A service reading without
 * a user (a context doing its own work) sees what it asked for.
 */
export function decideRead<F extends string>(
  reader: Reader,
  subject: Subject,
  allFields: readonly F[],
  nameFields: readonly F[],
  isLinkedStudentOfReader: boolean,
): ReadDecision<F> {
  if (reader.kind === 'service') return { allowed: true, fields: allFields };
  if (reader.userId === subject.id) return { allowed: true, fields: allFields };
  const administered: readonly string[] = administeredRoles(reader.role);
  const administersEveryone = administered.length === USER_ROLES.length;
  if (administersEveryone || (subject.role !== undefined && administered.includes(subject.role))) return { allowed: true, fields: allFields };
  if (reader.role === 'TEACHER' && isLinkedStudentOfReader) return { allowed: true, fields: nameFields };
  return { allowed: false };
}

/** The accessor fields of an access-log entry. */
export function accessorOf(reader: Reader): { accessorId: string; accessorRole: string } {
  return reader.kind === 'user'
    ? { accessorId: reader.userId, accessorRole: reader.role }
    : { accessorId: `service:${reader.module}`, accessorRole: 'SERVICE' };
}
