import { Inject, Injectable } from '@nestjs/common';
import { MasterKeyRotated } from '@tall/pii/contracts';
import { PiiIntegrityError, rewrapDataKey, type MasterKey } from '@tall/pii/domain';
import { CLOCK, type Clock } from '../ports/clock.port';
import { INTEGRITY_MONITOR, type IntegrityMonitor } from '../ports/integrity-monitor.port';
import { KEY_ROTATION_STORE, type KeyRotationStore, type RotationAudit } from '../ports/key-rotation-store.port';
import { MASTER_KEYS, type RotatableMasterKeys } from '../ports/master-keys.port';
import { piiEvent } from '../pii-events';

const BATCH = 200;
/** One key for every rotation's audit event, so they stay in order on the topic. */
const ROTATION_EVENT_KEY = 'pii-master-key';

export interface RotationResult {
  masterKeyVersion: string;
  previousVersions: string[];
  rewrappedDataKeys: number;
  retiredVersions: string[];
  remaining: number;
}

/**
 * Master key rotation without downtime: a new version becomes current (new data keys are
 * wrapped under it at once), then every data key is re-wrapped in small locked batches while
 * reads go on — a data key names its master version, and old versions stay readable. A version
 * is retired only when no data key refers to it any more. Callers hold the rotation lock.
 */
@Injectable()
export class MasterKeyRotation {
  constructor(
    @Inject(MASTER_KEYS) private readonly keys: RotatableMasterKeys,
    @Inject(KEY_ROTATION_STORE) private readonly store: KeyRotationStore,
    @Inject(INTEGRITY_MONITOR) private readonly integrity: IntegrityMonitor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The rotation is recorded (and its audit event written) as soon as the new version is current,
   * before the re-wrap: an interrupted re-wrap still counts as a rotation, for the audit and for
   * the wait before the next one.
   */
  async rotate(audit: RotationAudit): Promise<RotationResult> {
    const previous = (await this.store.versions()).filter((version) => !version.retiredAt).map((version) => version.versionId);
    const next = await this.keys.createVersion();
    const previousVersions = previous.filter((versionId) => versionId !== next.versionId);
    const rotatedAt = this.clock.now();
    await this.store.recordRotation({ ...audit, rotatedAt, masterKeyVersion: next.versionId }, [
      piiEvent(MasterKeyRotated, { ...audit, masterKeyVersion: next.versionId, previousVersions, at: rotatedAt.toISOString() }, ROTATION_EVENT_KEY),
    ]);
    return this.finish(next, previousVersions);
  }

  /** Re-wraps every data key not yet under `target`, then retires the versions nothing refers to. */
  async finish(target: MasterKey, previousVersions: string[]): Promise<RotationResult> {
    let rewrapped = 0;
    // Two passes: the second catches data keys another instance wrapped under the old version
    // while the first pass ran (it learns of the new version within its secret cache time).
    for (let pass = 0; pass < 2; pass++) {
      let after: string | null = null;
      for (;;) {
        const batch = await this.store.rewrapBatch(target.versionId, after, BATCH, async (row) => {
          const from = await this.keys.version(row.masterVersion);
          try {
            return rewrapDataKey(from, target, row.userId, row.keyId, row.wrappedKey);
          } catch (error) {
            if (error instanceof PiiIntegrityError) this.integrity.failed({ subjectId: row.userId, what: 'dataKey', kind: error.kind });
            throw error;
          }
        });
        rewrapped += batch.rewrapped;
        if (batch.last === null) break;
        after = batch.last;
      }
    }
    const retiredVersions = await this.store.retireUnreferenced(target.versionId);
    this.keys.forget(retiredVersions);
    return {
      masterKeyVersion: target.versionId,
      previousVersions,
      rewrappedDataKeys: rewrapped,
      retiredVersions,
      remaining: await this.store.countNotUnder(target.versionId),
    };
  }
}
