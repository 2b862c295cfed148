import { z } from 'zod';
import { emailAddress, typedText } from '@tall/platform/text';

/** The personal fields Tall holds, all of them encrypted at rest and all of them in the pii context. */
export const PERSONAL_FIELDS = ['firstName', 'lastName', 'email', 'birthDate', 'locale'] as const;
export const PersonalFieldSchema = z.enum(PERSONAL_FIELDS);
export type PersonalField = z.infer<typeof PersonalFieldSchema>;

/** The fields a display name is made of: all a teacher ever sees of a student. */
export const NAME_FIELDS = ['firstName', 'lastName'] as const satisfies readonly PersonalField[];

export const PiiUserIdSchema = z.uuid();

const name = typedText({ min: 1, max: 100 });
export const FirstNameSchema = name;
export const LastNameSchema = name;
// Exactly what the OpenAPI document says (format and pattern): clients trim what people typed.
export const EmailSchema = emailAddress();
/**
 * A calendar date, YYYY-MM-DD. That no one using Tall was born before 1900 or in the future is
 * pii's rule (422 BIRTH_DATE_OUT_OF_RANGE): the schema cannot state "today".
 */
export const BirthDateSchema = z.iso.date();
/** BCP 47 language tag such as `nl`, `en-GB`, `uk`. */
export const LocaleSchema = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language tag like nl or en-GB');

/** Why personal data is read. Every read states one; it goes to the access log. */
export const PII_PURPOSES = [
  /** The user reads or exports their own data. */
  'self-service',
  /** Admins managing accounts. */
  'user-administration',
  /** A teacher following their own students. */
  'teaching',
  /** Helping a user with a problem they reported. */
  'support',
  /** A request Tall must answer by law. */
  'legal-obligation',
] as const;
export const PiiPurposeSchema = z.enum(PII_PURPOSES);
export type PiiPurpose = z.infer<typeof PiiPurposeSchema>;

export const PersonalDataSchema = z.object({
  userId: PiiUserIdSchema,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  birthDate: z.string().nullable(),
  locale: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});
export type PersonalData = z.infer<typeof PersonalDataSchema>;

export const DisplayNameSchema = z.object({ userId: PiiUserIdSchema, firstName: z.string(), lastName: z.string() });
export type DisplayName = z.infer<typeof DisplayNameSchema>;
