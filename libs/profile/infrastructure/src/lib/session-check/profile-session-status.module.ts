import { Global, Module } from '@nestjs/common';
import { SESSION_STATUS_SOURCE, type SessionStatus, type SessionStatusSource } from '@tall/platform/auth';
import { RpcClient } from '@tall/platform/rpc';
import { GetSessionStatus } from '@tall/profile/contracts';

/**
 * Asks profile about a session through its call: in-process where profile runs here, otherwise
 * its process answers. The check is the system's own doing, so no principal travels with it.
 */
export class ProfileSessionStatusSource implements SessionStatusSource {
  constructor(private readonly rpc: RpcClient) {}

  async statusOf(sessionId: string): Promise<SessionStatus | null> {
    const { session } = await this.rpc.call(GetSessionStatus, { sessionId }, { principal: null });
    return session;
  }
}

/**
 * The source of the access-token check's session statuses (global, for the platform's
 * AuthModule). Every process imports it, whichever modules it hosts: one without profile checks
 * tokens against profile all the same.
 */
@Global()
@Module({
  providers: [{ provide: SESSION_STATUS_SOURCE, inject: [RpcClient], useFactory: (rpc: RpcClient) => new ProfileSessionStatusSource(rpc) }],
  exports: [SESSION_STATUS_SOURCE],
})
export class ProfileSessionStatusModule {}
