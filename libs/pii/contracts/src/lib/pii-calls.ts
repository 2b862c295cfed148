import { z } from 'zod';
import { defineRemoteCall } from '@tall/platform/call-contracts';
import { UserRoleSchema } from '@tall/profile/contracts';
import {
  BirthDateSchema,
  DisplayNameSchema,
  EmailSchema,
  FirstNameSchema,
  LastNameSchema,
  LocaleSchema,
  PiiPurposeSchema,
  PiiUserIdSchema,
} from './personal-data';
import { BLIND_INDEX_PATTERN } from './email-blind-index';

/**
 * Stores a user's personal data, creating the user's data key on first use; called by profile
 * at registration and when an admin creates an account. Idempotent: storing again for the same
 * user replaces the fields given (birthDate/locale: `null` clears, absent keeps).
 * Errors: 409 EMAIL_TAKEN when another user has that email; 410 PII_ERASED for an erased user.
 */
export const StorePersonalData = defineRemoteCall({
  name: 'pii.storePersonalData',
  module: 'pii',
  description: "Stores (creates or replaces) a user's personal data, encrypted under the user's data key",
  input: z.strictObject({
    userId: PiiUserIdSchema,
    firstName: FirstNameSchema,
    lastName: LastNameSchema,
    email: EmailSchema,
    birthDate: BirthDateSchema.nullable().optional(),
    locale: LocaleSchema.nullable().optional(),
  }),
  output: z.strictObject({
    userId: PiiUserIdSchema,
    /** The login index of the stored email (the same value profile computes with emailBlindIndex). */
    emailBlindIndex: z.string().regex(BLIND_INDEX_PATTERN),
    created: z.boolean(),
  }),
});

/**
 * Display names (first and last name) of users, for a stated purpose; every name read is on
 * `pii.access.log`. With a principal (the call stems from a signed-in request) the reader's
 * rights apply: admins the accounts profile lets them administer (TECH_ADMIN any user, EDU_ADMIN
 * teachers and students), a teacher only their linked students, anyone else only themself. Users without data, erased users and users the reader may not see are left out.
 */
export const GetDisplayNames = defineRemoteCall({
  name: 'pii.getDisplayNames',
  module: 'pii',
  description: 'First and last names of users, for a stated purpose, audited',
  input: z.strictObject({
    userIds: z.array(PiiUserIdSchema).min(1).max(500),
    purpose: PiiPurposeSchema,
  }),
  output: z.strictObject({ names: z.array(DisplayNameSchema) }),
});

/**
 * Crypto-shreds a user's personal data at once: called by profile right after a user erased
 * their own account, so the export and every read answer 410 PII_ERASED from then on. Only for
 * the user themself (the forwarded principal). `user.deleted` would shred it too, a little later;
 * idempotent either way (`erased: false` when it was erased already).
 */
export const ErasePersonalData = defineRemoteCall({
  name: 'pii.erasePersonalData',
  module: 'pii',
  description: "Crypto-shreds a user's personal data at once (the user's own erasure); idempotent",
  input: z.strictObject({ userId: PiiUserIdSchema }),
  output: z.strictObject({ erased: z.boolean() }),
});

/** The most accounts one `pii.recordUserRoles` call may carry. */
export const RECORD_USER_ROLES_MAX_BATCH = 500;

/**
 * Accounts' roles pii has not learnt from profile's events yet: profile sends every existing
 * account's role once (a backfill for accounts created before pii kept roles). A role pii already
 * knows came from an event and is as new or newer, so it is never overwritten; nothing is recorded
 * for an erased user. Only profile may call it, as the system (no principal). Idempotent.
 */
export const RecordUserRoles = defineRemoteCall({
  name: 'pii.recordUserRoles',
  module: 'pii',
  description: "Records accounts' roles pii does not know yet (profile's backfill); never overwrites a known role",
  input: z.strictObject({
    users: z
      .array(z.strictObject({ userId: PiiUserIdSchema, role: UserRoleSchema }))
      .min(1)
      .max(RECORD_USER_ROLES_MAX_BATCH)
      .refine((users) => new Set(users.map((user) => user.userId)).size === users.length, { message: 'each userId may appear only once' }),
  }),
  /** How many of the roles were new to pii. */
  output: z.strictObject({ recorded: z.number().int().min(0) }),
});

export const PII_CALL_CONTRACTS = [StorePersonalData, GetDisplayNames, ErasePersonalData, RecordUserRoles] as const;
