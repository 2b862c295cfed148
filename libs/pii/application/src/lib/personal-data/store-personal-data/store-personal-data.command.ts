import { Command } from '@nestjs/cqrs';

export interface StoredPersonalData {
  userId: string;
  emailBlindIndex: string;
  created: boolean;
}

/**
 * `pii.storePersonalData`, at registration and when an admin creates an account: creates the
 * user's data key on first use, otherwise replaces the fields given.
 */
export class StorePersonalDataCommand extends Command<StoredPersonalData> {
  constructor(
    readonly userId: string,
    readonly firstName: string,
    readonly lastName: string,
    readonly email: string,
    /** undefined keeps what is stored; null clears. */
    readonly birthDate?: string | null,
    readonly locale?: string | null,
  ) {
    super();
  }
}
