/** Who reads personal data. Roles as in access tokens; services read without a user. */
export type Reader =
  | { kind: 'user'; userId: string; role: string }
  | { kind: 'service'; module: string };

export type ReadDecision<F extends string> = { allowed: true; fields: readonly F[] } | { allowed: false };

const ADMIN_ROLES = new Set(['TECH_ADMIN', 'EDU_ADMIN']);

/**
 * What a reader may see of a subject: admins everything, a user themself everything, a teacher
 * the name of their own linked students, anyone else nothing. A service reading without a user
 * (a context doing its own work) sees what it asked for.
 */
export function decideRead<F extends string>(
  reader: Reader,
  subjectId: string,
  allFields: readonly F[],
  nameFields: readonly F[],
  isLinkedStudentOfReader: boolean,
): ReadDecision<F> {
  if (reader.kind === 'service') return { allowed: true, fields: allFields };
  if (reader.userId === subjectId || ADMIN_ROLES.has(reader.role)) return { allowed: true, fields: allFields };
  if (reader.role === 'TEACHER' && isLinkedStudentOfReader) return { allowed: true, fields: nameFields };
  return { allowed: false };
}

/** The accessor fields of an access-log entry. */
export function accessorOf(reader: Reader): { accessorId: string; accessorRole: string } {
  return reader.kind === 'user'
    ? { accessorId: reader.userId, accessorRole: reader.role }
    : { accessorId: `service:${reader.module}`, accessorRole: 'SERVICE' };
}
