/** The plaintext of one user's personal data, only ever in memory. */
export interface PersonalFields {
  firstName: string;
  lastName: string;
  email: string;
  birthDate: string | null;
  locale: string | null;
}

export const FIELD_NAMES = ['firstName', 'lastName', 'email', 'birthDate', 'locale'] as const satisfies readonly (keyof PersonalFields)[];
export type FieldName = (typeof FIELD_NAMES)[number];

/** The fields whose value differs (all set fields when there was nothing before). */
export function changedFields(before: PersonalFields | undefined, after: PersonalFields): FieldName[] {
  if (!before) return FIELD_NAMES.filter((field) => after[field] !== null);
  return FIELD_NAMES.filter((field) => before[field] !== after[field]);
}

/** True when the change affects the login index (the normalised email). */
export function emailIndexChanged(before: PersonalFields | undefined, after: PersonalFields): boolean {
  return !before || before.email.trim().toLowerCase() !== after.email.trim().toLowerCase();
}
