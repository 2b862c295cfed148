import { z } from 'zod';
import { defineEvent } from '@tall/platform/event-contracts';
import { PersonalFieldSchema, PiiPurposeSchema, PiiUserIdSchema } from './personal-data';
import { BLIND_INDEX_PATTERN } from './email-blind-index';
import { PiiTopics } from './pii-topics';

// Names of fields, ids and the email blind index only: personal values never travel on a topic.

export const PiiAccessed = defineEvent({
  type: 'pii.accessed',
  version: 1,
  topic: PiiTopics.accessLog,
  description:
    'Someone read personal data (the user themself included): who, in which role, whose fields, for what purpose, when.',
  schema: z.object({
    /** The reading user, or `service:<module>` for a read by a context without a signed-in user. */
    accessorId: z.string().min(1).max(128),
    accessorRole: z.string().min(1).max(64),
    subjectId: PiiUserIdSchema,
    fields: z.array(PersonalFieldSchema).min(1),
    purpose: PiiPurposeSchema,
    at: z.iso.datetime(),
  }),
});

export const PersonalDataUpdated = defineEvent({
  type: 'user.pii.updated',
  version: 1,
  topic: PiiTopics.events,
  description: "A user's personal data was stored or changed; names the changed fields, never their values.",
  schema: z.object({
    userId: PiiUserIdSchema,
    fields: z.array(PersonalFieldSchema).min(1),
    at: z.iso.datetime(),
  }),
});

export const EmailIndexChanged = defineEvent({
  type: 'user.pii.emailIndexChanged',
  version: 1,
  topic: PiiTopics.events,
  description: "A user changed their email: the new login blind index (see emailBlindIndex), so profile finds the account by it.",
  schema: z.object({
    userId: PiiUserIdSchema,
    emailBlindIndex: z.string().regex(BLIND_INDEX_PATTERN),
    at: z.iso.datetime(),
  }),
});

export const PersonalDataErased = defineEvent({
  type: 'user.pii.erased',
  version: 1,
  topic: PiiTopics.events,
  description: "A user's personal data was crypto-shredded: the data key and every ciphertext are gone.",
  schema: z.object({ userId: PiiUserIdSchema, erasedAt: z.iso.datetime() }),
});

export const MasterKeyRotated = defineEvent({
  type: 'pii.masterKeyRotated',
  version: 1,
  topic: PiiTopics.accessLog,
  description:
    'A new master key version became current: who rotated it (a TECH_ADMIN, or the scheduler), why, whether the one-hour wait was overridden, when.',
  schema: z.object({
    /** The rotating user, or `system:scheduler` for the scheduled rotation. */
    rotatedBy: z.string().min(1).max(128),
    rotatedByRole: z.string().min(1).max(64),
    trigger: z.enum(['scheduled', 'manual']),
    /** The operator's stated reason (never personal data: the rotation route says so), or the scheduler's. */
    reason: z.string().min(1).max(500),
    forced: z.boolean(),
    masterKeyVersion: z.string().min(1).max(128),
    previousVersions: z.array(z.string()),
    at: z.iso.datetime(),
  }),
});

export const PII_EVENT_CONTRACTS = [PiiAccessed, PersonalDataUpdated, EmailIndexChanged, PersonalDataErased, MasterKeyRotated] as const;
