import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { exportUserDataCall, type UserDataSection } from '@tall/platform/call-contracts';
import { errors } from '@tall/platform/http';
import { RpcRegistry, type RpcCallContext } from '@tall/platform/rpc';
import { ExportOwnPersonalDataQuery, GetDisplayNamesQuery, RecordUserRolesCommand, ShredPersonalDataCommand, StorePersonalDataCommand } from '@tall/pii/application';
import { ErasePersonalData, GetDisplayNames, PII_MODULE, RecordUserRoles, StorePersonalData } from '@tall/pii/contracts';
import type { Reader } from '@tall/pii/domain';
import { PROFILE_MODULE } from '@tall/profile/contracts';
import { PiiErrorMapper } from '../http/pii-error.mapper';

const ADMIN_ROLES = ['TECH_ADMIN', 'EDU_ADMIN'];

/**
 * What pii offers other contexts: storing personal data, display names, erasing one's own data,
 * profile's backfill of accounts' roles, its export section. Each call runs the same command or
 * query as HTTP does, and its refusals travel as the same error envelope.
 */
@Injectable()
export class PiiCallsProvider implements OnModuleInit {
  constructor(
    @Inject(RpcRegistry) private readonly rpc: RpcRegistry,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  onModuleInit(): void {
    this.rpc.provide(StorePersonalData, (input, context) =>
      answered(() => {
        // Registration has no signed-in user; an admin creating an account does. A signed-in
        // non-admin may only ever store their own data.
        const principal = context.principal;
        if (principal && !ADMIN_ROLES.includes(principal.role) && principal.userId !== input.userId) {
          throw errors.forbidden('You may not store personal data of another user');
        }
        return this.commands.execute(
          new StorePersonalDataCommand(input.userId, input.firstName, input.lastName, input.email, input.birthDate, input.locale),
        );
      }),
    );

    this.rpc.provide(GetDisplayNames, (input, context) =>
      answered(async () => ({ names: await this.queries.execute(new GetDisplayNamesQuery(readerOf(context), input.userIds, input.purpose)) })),
    );

    this.rpc.provide(ErasePersonalData, (input, context) =>
      answered(async () => {
        // Erasure for someone else goes through their account (an admin's delete publishes user.deleted).
        if (context.principal?.userId !== input.userId) throw errors.forbidden('You may only erase your own personal data');
        return { erased: await this.commands.execute(new ShredPersonalDataCommand(input.userId, 'self-erasure')) };
      }),
    );

    this.rpc.provide(RecordUserRoles, (input, context) =>
      answered(async () => {
        // Roles widen what an EDU_ADMIN may read, so only profile (whose accounts they are) may
        // state them, and only as the system: never on behalf of a signed-in user. The caller is
        // part of the signed service token between processes.
        if (context.callerModule !== PROFILE_MODULE.name || context.principal) {
          throw errors.forbidden("Only profile may record accounts' roles");
        }
        return { recorded: await this.commands.execute(new RecordUserRolesCommand(input.users)) };
      }),
    );

    this.rpc.provide(exportUserDataCall(PII_MODULE.name), ({ userId }, context) =>
      answered(async (): Promise<UserDataSection> => {
        const data = await this.queries.execute(new ExportOwnPersonalDataQuery(readerOf(context), userId));
        return {
          context: PII_MODULE.name,
          data: data ? { personalData: data } : {},
          purposes: [
            'Identify you to your teachers and to the school’s administrators',
            'Contact you about your account (email)',
            'Adapt Tall to your language (locale) and age group (birth date)',
          ],
          retention: 'Until your account is erased; then the key that encrypts it is destroyed at once (crypto-shredding)',
          recipients: [
            'Your teachers: your first and last name only',
            'Educational and technical administrators of the school',
            'Every read is recorded (who, which fields, why, when), never the values',
          ],
          ...(data ? {} : { statement: 'Tall holds no personal data about you in the pii context.' }),
        };
      }),
    );
  }
}

/** The reader of a call: the forwarded user, or the calling context itself. */
function readerOf({ principal, callerModule }: RpcCallContext): Reader {
  return principal ? { kind: 'user', userId: principal.userId, role: principal.role } : { kind: 'service', module: callerModule ?? 'unnamed' };
}

async function answered<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw PiiErrorMapper.toApiError(error);
  }
}
