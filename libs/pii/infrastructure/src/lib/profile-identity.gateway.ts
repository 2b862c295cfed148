import { Inject, Injectable } from '@nestjs/common';
import { RpcClient } from '@tall/platform/rpc';
import type { IdentityGateway } from '@tall/pii/application';
import { PII_MODULE } from '@tall/pii/contracts';
import { DeleteAccount, VerifyPassword } from '@tall/profile/contracts';

/** Re-authentication and account erasure, through profile's call contracts. */
@Injectable()
export class ProfileIdentityGateway implements IdentityGateway {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  async verifyPassword(userId: string, password: string): Promise<{ valid: boolean; retryAfterSeconds?: number }> {
    return this.rpc.call(VerifyPassword, { userId, password }, { caller: PII_MODULE.name });
  }

  async deleteAccount(userId: string): Promise<void> {
    await this.rpc.call(DeleteAccount, { userId, actorId: userId }, { caller: PII_MODULE.name });
  }
}
