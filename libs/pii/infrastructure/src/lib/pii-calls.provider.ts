import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { exportUserDataCall, type UserDataSection } from '@tall/platform/call-contracts';
import { errors } from '@tall/platform/http';
import { RpcRegistry } from '@tall/platform/rpc';
import { PersonalDataService } from '@tall/pii/application';
import { GetDisplayNames, PII_MODULE, StorePersonalData } from '@tall/pii/contracts';
import { mapped } from './pii-api-errors';
import { readerOfCall } from './readers';

const ADMIN_ROLES = ['TECH_ADMIN', 'EDU_ADMIN'];

/** What pii offers other contexts: storing personal data, display names, its export section. */
@Injectable()
export class PiiCallsProvider implements OnModuleInit {
  constructor(
    @Inject(RpcRegistry) private readonly rpc: RpcRegistry,
    @Inject(PersonalDataService) private readonly personalData: PersonalDataService,
  ) {}

  onModuleInit(): void {
    this.rpc.provide(StorePersonalData, (input, context) =>
      mapped(async () => {
        // Registration has no signed-in user; an admin creating an account does. A signed-in
        // non-admin may only ever store their own data.
        const principal = context.principal;
        if (principal && !ADMIN_ROLES.includes(principal.role) && principal.userId !== input.userId) {
          throw errors.forbidden('You may not store personal data of another user');
        }
        return this.personalData.store(input);
      }),
    );

    this.rpc.provide(GetDisplayNames, (input, context) =>
      mapped(async () => ({ names: await this.personalData.displayNames(readerOfCall(context), input.userIds, input.purpose) })),
    );

    this.rpc.provide(exportUserDataCall(PII_MODULE.name), ({ userId }, context) =>
      mapped(async (): Promise<UserDataSection> => {
        const data = await this.personalData.exportOwn(readerOfCall(context), userId);
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
