import { Inject, Injectable } from '@nestjs/common';
import { SECRET_STORE, type SecretStore } from '@tall/platform/secrets';
import type { EmailIndexer } from '@tall/pii/application';
import { EMAIL_BLIND_INDEX_SECRET, emailBlindIndex, generateBlindIndexKey } from '@tall/pii/contracts';
import { PiiError } from '@tall/pii/domain';

/** The email blind index under the key profile uses too (see EMAIL_BLIND_INDEX_SECRET). */
@Injectable()
export class SecretEmailIndexer implements EmailIndexer {
  private key: Buffer | undefined;

  constructor(@Inject(SECRET_STORE) private readonly secrets: SecretStore) {}

  get ready(): boolean {
    return this.key !== undefined;
  }

  async load(): Promise<void> {
    const secret = await this.secrets.createIfMissing(EMAIL_BLIND_INDEX_SECRET, generateBlindIndexKey);
    this.key = Buffer.from(secret.value, 'base64');
  }

  async indexOf(email: string): Promise<string> {
    // Not loaded yet: Secrets Manager has not answered since start.
    if (!this.key) throw new PiiError('SERVICE_UNAVAILABLE', { dependency: 'secrets' });
    return emailBlindIndex(this.key, email);
  }
}
