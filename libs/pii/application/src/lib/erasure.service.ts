import { createEvent } from '@tall/platform/event-contracts';
import { RequestContext } from '@tall/platform/observability';
import { PersonalDataErased } from '@tall/pii/contracts';
import { PersonalDataErasedError, ReauthenticationFailedError, ReauthenticationLockedError } from './pii-errors';
import type { ErasureReason, IdentityGateway, PersonalDataRepository } from './ports';

/**
 * GDPR erasure. The account itself belongs to profile: it ends every session, marks the account
 * erased and publishes `user.deleted`. pii crypto-shreds: the user's data key and ciphertexts are
 * deleted, a tombstone (id, time, reason — nothing personal) remains so later requests answer 410.
 */
export class ErasureService {
  constructor(
    private readonly repository: PersonalDataRepository,
    private readonly identity: IdentityGateway,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** `DELETE /pii/me` with the password (re-authentication). */
  async eraseOwn(userId: string, password: string): Promise<void> {
    if (await this.repository.erasure(userId)) throw new PersonalDataErasedError();
    const check = await this.identity.verifyPassword(userId, password);
    if (!check.valid) {
      throw check.retryAfterSeconds ? new ReauthenticationLockedError(check.retryAfterSeconds) : new ReauthenticationFailedError();
    }
    await this.identity.deleteAccount(userId);
    // Also done on `user.deleted`; doing it now makes export answer 410 at once.
    await this.shred(userId, 'self-erasure');
  }

  /** Idempotent: true when this call erased, false when the user was erased already. */
  async shred(userId: string, reason: ErasureReason): Promise<boolean> {
    const erasedAt = this.clock();
    return this.repository.shred({ userId, erasedAt, reason }, [
      createEvent(
        PersonalDataErased,
        { userId, erasedAt: erasedAt.toISOString() },
        { key: userId, correlationId: RequestContext.correlationId(), actorId: RequestContext.current()?.actorId ?? null },
      ),
    ]);
  }
}
