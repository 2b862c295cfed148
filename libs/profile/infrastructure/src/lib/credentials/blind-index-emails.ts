import { EMAIL_BLIND_INDEX_SECRET, emailBlindIndex, generateBlindIndexKey } from '@tall/pii/contracts';
import type { SecretStore } from '@tall/platform/secrets';
import type { EmailIndexer } from '@tall/profile/application';

/**
 * The login index of an email, computed with pii's function and key, so profile finds an
 * account without ever holding the address. The key comes from Secrets Manager (cached by the
 * store); whichever context needs it first creates it.
 */
export class BlindIndexEmails implements EmailIndexer {
  constructor(private readonly secrets: SecretStore) {}

  async indexOf(email: string): Promise<string> {
    const key = await this.secrets.createIfMissing(EMAIL_BLIND_INDEX_SECRET, generateBlindIndexKey);
    return emailBlindIndex(key.value, email);
  }
}
