import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { exportUserDataCall } from '@tall/platform/call-contracts';
import { RpcRegistry } from '@tall/platform/rpc';
import { SYSTEM_MODULE } from '@tall/system/contracts';

/** The system context's section of the GDPR export: it holds nothing about users, and says so. */
@Injectable()
export class SystemUserDataExport implements OnModuleInit {
  constructor(@Inject(RpcRegistry) private readonly rpc: RpcRegistry) {}

  onModuleInit(): void {
    this.rpc.provide(exportUserDataCall(SYSTEM_MODULE.name), async () => ({
      context: SYSTEM_MODULE.name,
      data: {},
      purposes: ['Running Tall: which instances started and when scheduled jobs ran'],
      retention: 'Operational records are kept for the life of the installation; they name no user',
      recipients: ['Technical admins of the school'],
      statement: 'The system context holds no personal data about you.',
    }));
  }
}
