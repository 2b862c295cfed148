import { PiiIntegrityError, rewrapDataKey, type MasterKey } from '@tall/pii/domain';
import { RotationInProgressError } from './pii-errors';
import type { IntegrityMonitor, KeyRotationStore, RotatableMasterKeys } from './ports';

export const ROTATION_PERIOD_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 200;

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
 * is retired only when no data key refers to it any more. One rotation at a time (lock).
 */
export class KeyRotationService {
  constructor(
    private readonly keys: RotatableMasterKeys,
    private readonly store: KeyRotationStore,
    private readonly integrity: IntegrityMonitor,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** `POST /pii/keys/rotate`. @throws RotationInProgressError */
  async rotate(): Promise<RotationResult> {
    const outcome = await this.store.withRotationLock(() => this.rotateLocked());
    if (!outcome.ran) throw new RotationInProgressError();
    return outcome.result;
  }

  /**
   * The daily job: rotates when the current version is 90 days old, and otherwise finishes any
   * re-wrap left over (an interrupted rotation, data keys written under a version another
   * instance still held as current). Returns undefined when another instance holds the lock.
   */
  async sweep(): Promise<RotationResult | undefined> {
    const outcome = await this.store.withRotationLock(async () => {
      const current = await this.keys.current();
      const info = (await this.store.versions()).find((version) => version.versionId === current.versionId);
      const age = info ? this.clock().getTime() - info.createdAt.getTime() : 0;
      if (age >= ROTATION_PERIOD_DAYS * DAY_MS) return this.rotateLocked();
      return this.finish(current, []);
    });
    return outcome.ran ? outcome.result : undefined;
  }

  private async rotateLocked(): Promise<RotationResult> {
    const previous = (await this.store.versions()).filter((version) => !version.retiredAt).map((version) => version.versionId);
    const next = await this.keys.createVersion();
    return this.finish(next, previous.filter((versionId) => versionId !== next.versionId));
  }

  private async finish(target: MasterKey, previousVersions: string[]): Promise<RotationResult> {
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
