import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertBirthDateInRange, PiiError } from '@tall/pii/domain';
import { EMAIL_INDEXER, type EmailIndexer } from '../../ports/email-indexer.port';
import { PERSONAL_DATA_REPOSITORY, type PersonalDataRepository } from '../../ports/personal-data-repository.port';
import { PersonalDataVault } from '../personal-data-vault';
import { StorePersonalDataCommand, type StoredPersonalData } from './store-personal-data.command';

/** Idempotent, so profile may retry: a second store replaces; an erased user stays erased (`PII_ERASED`). */
@CommandHandler(StorePersonalDataCommand)
export class StorePersonalDataHandler implements ICommandHandler<StorePersonalDataCommand> {
  constructor(
    @Inject(PERSONAL_DATA_REPOSITORY) private readonly repository: PersonalDataRepository,
    @Inject(EMAIL_INDEXER) private readonly emails: EmailIndexer,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute(command: StorePersonalDataCommand): Promise<StoredPersonalData> {
    const { userId } = command;
    assertBirthDateInRange(command.birthDate, new Date().toISOString().slice(0, 10));
    if (await this.repository.erasure(userId)) throw new PiiError('PII_ERASED');
    const emailBlindIndex = await this.emails.indexOf(command.email);
    const existing = await this.repository.find(userId);
    if (!existing) {
      const fields = {
        firstName: command.firstName,
        lastName: command.lastName,
        email: command.email,
        birthDate: command.birthDate ?? null,
        locale: command.locale ?? null,
      };
      if (await this.vault.create(userId, fields, emailBlindIndex)) return { userId, emailBlindIndex, created: true };
    }
    // Stored already (a retry, or a concurrent first store): replace what was given.
    const record = existing ?? (await this.repository.find(userId));
    if (!record) throw new PiiError('PII_NOT_FOUND');
    const before = await this.vault.open(record);
    await this.vault.replace(record, before, {
      firstName: command.firstName,
      lastName: command.lastName,
      email: command.email,
      birthDate: command.birthDate === undefined ? before.birthDate : command.birthDate,
      locale: command.locale === undefined ? before.locale : command.locale,
    });
    return { userId, emailBlindIndex, created: false };
  }
}
