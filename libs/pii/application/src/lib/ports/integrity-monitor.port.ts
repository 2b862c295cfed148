import type { FieldName, IntegrityFailureKind } from '@tall/pii/domain';

export interface IntegrityFailure {
  subjectId: string;
  what: FieldName | 'dataKey';
  kind: IntegrityFailureKind;
}

/** Told of every integrity failure: logs it (without values) and counts it. */
export interface IntegrityMonitor {
  failed(failure: IntegrityFailure): void;
}

export const INTEGRITY_MONITOR = Symbol('INTEGRITY_MONITOR');
