import { z } from 'zod';
import { typedText } from '@tall/platform/text';
import { BirthDateSchema, EmailSchema, FirstNameSchema, LastNameSchema, LocaleSchema, PiiPurposeSchema } from './personal-data';

/** `PUT /api/v1/pii/me`: the whole document; an omitted birthDate or locale is cleared. */
export const UpdatePersonalDataSchema = z.strictObject({
  firstName: FirstNameSchema,
  lastName: LastNameSchema,
  email: EmailSchema,
  birthDate: BirthDateSchema.nullable().optional(),
  locale: LocaleSchema.nullable().optional(),
});

/** `GET /api/v1/pii/users/:id?purpose=…` */
export const ReadPersonalDataQuerySchema = z.strictObject({ purpose: PiiPurposeSchema });

/** `DELETE /api/v1/pii/me`: re-authentication before erasure. */
export const EraseOwnDataSchema = z.strictObject({ password: z.string().min(1).max(1024) });

/** What a teacher sees of a student (`GET /api/v1/pii/users/:id`). */
export const StudentNameSchema = z.object({ userId: z.uuid(), firstName: z.string(), lastName: z.string() });

/** The longest reason a manual master key rotation may give. */
export const ROTATION_REASON_MAX_LENGTH = 500;

/** `POST /api/v1/pii/keys/rotate`: why, and whether to override the one-hour wait after the last rotation. */
export const RotateMasterKeySchema = z.strictObject({
  reason: typedText({ min: 1, max: ROTATION_REASON_MAX_LENGTH }).describe('Why the key is rotated now (recorded on the audit log; never personal data), e.g. "suspected key exposure, ticket OPS-42"'),
  force: z.boolean().optional().describe('Rotate even within one hour of the last rotation (default false)'),
});

/** `POST /api/v1/pii/keys/rotate` */
export const KeyRotationResultSchema = z.object({
  masterKeyVersion: z.string(),
  previousVersions: z.array(z.string()),
  rewrappedDataKeys: z.int(),
  /** Old master key versions no data key refers to any more. */
  retiredVersions: z.array(z.string()),
  /** Data keys still wrapped under an older version (written during the rotation); the daily job finishes them. */
  remaining: z.int(),
});
