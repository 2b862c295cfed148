import { Query } from '@nestjs/cqrs';
import type { SystemInfo } from '@tall/system/contracts';

/** Version and hosted modules of this instance. */
export class GetSystemInfoQuery extends Query<SystemInfo> {}
