import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { counter, LOGGER } from '@tall/platform/observability';
import type { IntegrityFailure, IntegrityMonitor } from '@tall/pii/application';

export const piiIntegrityFailures = () =>
  counter('tall_pii_integrity_failures_total', 'Personal data or data keys that failed authentication on decryption', ['what', 'kind'] as const);

/** Logs an integrity failure (ids and field names only) and counts it for alerting. */
@Injectable()
export class LoggingIntegrityMonitor implements IntegrityMonitor {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  failed(failure: IntegrityFailure): void {
    piiIntegrityFailures().inc({ what: failure.what, kind: failure.kind });
    this.logger.error(
      { subjectId: failure.subjectId, what: failure.what, kind: failure.kind, alert: 'pii-integrity-failure' },
      'personal data failed its integrity check: not returned',
    );
  }
}
