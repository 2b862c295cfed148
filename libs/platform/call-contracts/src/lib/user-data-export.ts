import { z } from 'zod';
import { defineRemoteCall, type RemoteCallContract } from './remote-call';

/**
 * GDPR Art. 15/20: every context of the app's module catalog answers `<context>.exportUserData`
 * with what it holds about one user, why, for how long and who receives it. The pii context
 * collects every section into one document; a context that does not answer fails the export
 * (and the app's contribution test), so none can be forgotten silently.
 */
export const EXPORT_USER_DATA = 'exportUserData';

/** User ids as the identity context issues them (uuid today); kept loose so the format can evolve. */
export const UserIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a user id');

export const ExportUserDataInputSchema = z.strictObject({ userId: UserIdSchema });

export const UserDataSectionSchema = z.strictObject({
  /** The answering context; must equal the contract's module. */
  context: z.string().min(1),
  /** Everything the context holds about the user, as JSON. Empty when it holds nothing. */
  data: z.record(z.string(), z.unknown()),
  /** Why the data is processed, in words a user understands. */
  purposes: z.array(z.string().min(1)),
  /** How long it is kept. */
  retention: z.string().min(1),
  /** Who receives it (roles or organisations, not individual names). */
  recipients: z.array(z.string().min(1)),
  /** A statement for the user, e.g. that the context holds no personal data. */
  statement: z.string().min(1).optional(),
});

export type UserDataSection = z.infer<typeof UserDataSectionSchema>;

export type ExportUserDataContract = RemoteCallContract<string, typeof ExportUserDataInputSchema, typeof UserDataSectionSchema>;

const contracts = new Map<string, ExportUserDataContract>();

/** The export contract of one context; the same object for the same module. */
export function exportUserDataCall(module: string): ExportUserDataContract {
  let contract = contracts.get(module);
  if (!contract) {
    contract = defineRemoteCall({
      name: `${module}.${EXPORT_USER_DATA}`,
      module,
      description: `Everything the ${module} context holds about one user, for the GDPR export`,
      input: ExportUserDataInputSchema,
      output: UserDataSectionSchema,
    });
    contracts.set(module, contract);
  }
  return contract;
}

/** The document `GET /api/v1/pii/me/export` answers with. */
export const UserDataExportSchema = z.strictObject({
  format: z.literal('tall.user-data-export.v1'),
  userId: UserIdSchema,
  exportedAt: z.iso.datetime(),
  controller: z.string().min(1),
  sections: z.array(UserDataSectionSchema),
});

export type UserDataExport = z.infer<typeof UserDataExportSchema>;
