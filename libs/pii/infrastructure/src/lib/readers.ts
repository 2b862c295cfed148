import type { CallPrincipal } from '@tall/platform/call-contracts';
import type { Reader } from '@tall/pii/domain';

/** The reader of a call: the forwarded user, or the calling context itself. */
export function readerOfCall(context: { principal?: CallPrincipal; callerModule?: string }): Reader {
  return context.principal
    ? { kind: 'user', userId: context.principal.userId, role: context.principal.role }
    : { kind: 'service', module: context.callerModule ?? 'unnamed' };
}
