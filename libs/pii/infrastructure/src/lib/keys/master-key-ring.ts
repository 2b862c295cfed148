import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '@tall/platform/config';
import { LOGGER } from '@tall/platform/observability';
import { isSecretStoreUnavailable, SECRET_STORE, type SecretStore, type SecretVersion } from '@tall/platform/secrets';
import type { RotatableMasterKeys } from '@tall/pii/application';
import { generateMasterKeyMaterial, parseMasterKey, PiiError, type MasterKey } from '@tall/pii/domain';
import { PgPiiRepository } from '../persistence/pg-pii.repository';
import { MasterKeyMetrics } from './master-key-metrics';

/**
 * The master key versions, fetched from Secrets Manager and held in memory only. The current
 * version wraps new data keys; any version a data key names unwraps it. Not ready until the
 * current version was fetched: the 'pii-keys' readiness check fails until then.
 */
@Injectable()
export class MasterKeyRing implements RotatableMasterKeys {
  private readonly secretName: string;
  private readonly keys = new Map<string, MasterKey>();
  private readonly recorded = new Set<string>();
  private currentVersionId: string | undefined;
  private readonly metrics: MasterKeyMetrics;

  constructor(
    @Inject(SECRET_STORE) private readonly secrets: SecretStore,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(PgPiiRepository) private readonly repository: PgPiiRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.secretName = config.PII_MASTER_KEY_SECRET_NAME;
    this.metrics = new MasterKeyMetrics(repository).publish();
  }

  get ready(): boolean {
    return this.currentVersionId !== undefined;
  }

  /** At start: the current version, created when the secret does not exist yet (first start). */
  async load(): Promise<void> {
    const current = await this.secrets.createIfMissing(this.secretName, generateMasterKeyMaterial);
    await this.adopt(current);
    this.currentVersionId = current.versionId;
    await this.metrics.refresh();
  }

  async current(): Promise<MasterKey> {
    let version: SecretVersion;
    try {
      // Cached for a short time by the secret store, so a rotation by another instance is seen.
      version = await this.secrets.getSecret(this.secretName);
    } catch (error) {
      // Secrets Manager away for a moment: keep wrapping under the version already held.
      const held = this.currentVersionId && this.keys.get(this.currentVersionId);
      if (held && isSecretStoreUnavailable(error)) return held;
      throw unreachable(error);
    }
    const key = await this.adopt(version);
    this.currentVersionId = version.versionId;
    return key;
  }

  async version(versionId: string): Promise<MasterKey> {
    const held = this.keys.get(versionId);
    if (held) return held;
    if (!this.ready) throw new PiiError('SERVICE_UNAVAILABLE', { dependency: 'secrets' });
    let version: SecretVersion;
    try {
      version = await this.secrets.getSecretVersion(this.secretName, versionId);
    } catch (error) {
      throw unreachable(error);
    }
    return this.adopt(version);
  }

  async createVersion(): Promise<MasterKey> {
    try {
      const versionId = await this.secrets.putSecret(this.secretName, generateMasterKeyMaterial());
      const key = await this.adopt(await this.secrets.getSecretVersion(this.secretName, versionId), new Date());
      this.currentVersionId = versionId;
      this.logger.info({ masterKeyVersion: versionId }, 'new master key version for personal data');
      await this.metrics.refresh();
      return key;
    } catch (error) {
      throw unreachable(error);
    }
  }

  forget(versionIds: readonly string[]): void {
    for (const versionId of versionIds) if (versionId !== this.currentVersionId) this.keys.delete(versionId);
    // Called once retired versions are marked: the versions gauge drops without waiting for a scrape.
    void this.metrics.refresh();
  }

  private async adopt(version: SecretVersion, createdAt?: Date): Promise<MasterKey> {
    let key = this.keys.get(version.versionId);
    if (!key) {
      key = parseMasterKey(version.versionId, version.value);
      this.keys.set(version.versionId, key);
    }
    if (!this.recorded.has(version.versionId)) {
      await this.repository.recordVersion(version.versionId, createdAt ?? version.createdAt);
      this.recorded.add(version.versionId);
    }
    return key;
  }
}

/** Secrets Manager out of reach is the use case's `SERVICE_UNAVAILABLE`; anything else stays as it is. */
function unreachable(error: unknown): unknown {
  return isSecretStoreUnavailable(error) ? new PiiError('SERVICE_UNAVAILABLE', { dependency: 'secrets' }) : error;
}
