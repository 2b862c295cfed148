import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
  type SecretVersionsListEntry,
} from '@aws-sdk/client-secrets-manager';
import { randomUUID } from 'node:crypto';
import { SecretNotFoundError, SecretStoreUnavailableError } from '../secret-errors';
import type { SecretStore, SecretVersion } from '../secret-store.port';
import { isUnreachableError } from '@tall/platform/aws';

export interface SecretsManagerConnectionOptions {
  region: string;
  /** Set for the local moto server; leave unset for AWS. */
  endpoint?: string;
  /** Omit to use the SDK's default provider chain (environment, instance role, ...). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export function createSecretsManagerClient(options: SecretsManagerConnectionOptions): SecretsManagerClient {
  return new SecretsManagerClient({
    region: options.region,
    endpoint: options.endpoint,
    credentials: options.credentials,
    maxAttempts: 3,
    // Without timeouts an unreachable endpoint hangs start-up and readiness for minutes.
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000 },
  });
}

export interface AwsSecretStoreOptions {
  client: SecretsManagerClient;
  /** How long createIfMissing waits for a concurrently created secret to get its value. */
  createRaceTimeoutMs?: number;
}

export class AwsSecretStore implements SecretStore {
  private readonly client: SecretsManagerClient;
  private readonly createRaceTimeoutMs: number;

  constructor(options: AwsSecretStoreOptions) {
    this.client = options.client;
    this.createRaceTimeoutMs = options.createRaceTimeoutMs ?? 5_000;
  }

  async getSecret(name: string): Promise<SecretVersion> {
    return this.read(name);
  }

  async getSecretVersion(name: string, versionId: string): Promise<SecretVersion> {
    return this.read(name, versionId);
  }

  async putSecret(name: string, value: string): Promise<string> {
    try {
      return await this.putValue(name, value);
    } catch (error) {
      if (!isResourceNotFound(error)) throw translate(error, name);
    }
    try {
      return await this.create(name, value);
    } catch (error) {
      // Another instance created it between our two calls: our value becomes the next version.
      if (!isResourceExists(error)) throw translate(error, name);
    }
    try {
      return await this.putValue(name, value);
    } catch (error) {
      throw translate(error, name);
    }
  }

  async createIfMissing(name: string, generate: () => string): Promise<SecretVersion> {
    try {
      return await this.read(name);
    } catch (error) {
      if (!(error instanceof SecretNotFoundError)) throw error;
    }
    const value = generate();
    try {
      const versionId = await this.create(name, value);
      return { name, versionId, value, createdAt: new Date() };
    } catch (error) {
      if (!isResourceExists(error)) throw translate(error, name);
    }
    // CreateSecret is atomic, so the instance that lost the race adopts the winner's value.
    // Retried briefly: the winner's value may not be readable the very moment the name exists.
    const deadline = Date.now() + this.createRaceTimeoutMs;
    for (;;) {
      try {
        return await this.read(name);
      } catch (error) {
        if (!(error instanceof SecretNotFoundError) || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  async listVersionIds(name: string): Promise<string[]> {
    const entries: SecretVersionsListEntry[] = [];
    let nextToken: string | undefined;
    try {
      do {
        const page = await this.client.send(
          // Deprecated (unlabelled) versions included: they are still readable by id.
          new ListSecretVersionIdsCommand({ SecretId: name, IncludeDeprecated: true, MaxResults: 100, NextToken: nextToken }),
        );
        entries.push(...(page.Versions ?? []));
        nextToken = page.NextToken;
      } while (nextToken);
    } catch (error) {
      const translated = translate(error, name);
      // moto answers this call for a missing secret with a 500 page (AWS: ResourceNotFound);
      // ask once more in a way both answer alike before reporting the store as unavailable.
      if (translated instanceof SecretStoreUnavailableError && (await this.isMissing(name))) {
        throw new SecretNotFoundError(name, undefined, { cause: error });
      }
      throw translated;
    }
    return entries
      .filter((entry): entry is SecretVersionsListEntry & { VersionId: string } => !!entry.VersionId)
      .sort((a, b) => (a.CreatedDate?.getTime() ?? 0) - (b.CreatedDate?.getTime() ?? 0))
      .map((entry) => entry.VersionId);
  }

  async checkReachable(): Promise<void> {
    try {
      await this.client.send(new ListSecretsCommand({ MaxResults: 1 }));
    } catch (error) {
      throw new SecretStoreUnavailableError('Secrets Manager is not reachable', { cause: error });
    }
  }

  /** Closes the client's sockets; for the owner of the client (SecretsModule) at shutdown. */
  destroy(): void {
    this.client.destroy();
  }

  private async isMissing(name: string): Promise<boolean> {
    try {
      await this.client.send(new DescribeSecretCommand({ SecretId: name }));
      return false;
    } catch (error) {
      return isResourceNotFound(error);
    }
  }

  private async read(name: string, versionId?: string): Promise<SecretVersion> {
    try {
      const response = await this.client.send(new GetSecretValueCommand({ SecretId: name, VersionId: versionId }));
      if (response.SecretString === undefined || !response.VersionId) {
        throw new Error(`Secret ${name} holds binary data; this store reads and writes strings only`);
      }
      return { name, versionId: response.VersionId, value: response.SecretString, createdAt: response.CreatedDate };
    } catch (error) {
      throw translate(error, name, versionId);
    }
  }

  private async putValue(name: string, value: string): Promise<string> {
    const response = await this.client.send(
      // A fresh token per call: the token doubles as the version id and makes SDK retries idempotent.
      new PutSecretValueCommand({ SecretId: name, SecretString: value, ClientRequestToken: randomUUID() }),
    );
    return response.VersionId as string;
  }

  private async create(name: string, value: string): Promise<string> {
    const response = await this.client.send(
      new CreateSecretCommand({ Name: name, SecretString: value, ClientRequestToken: randomUUID() }),
    );
    return response.VersionId as string;
  }
}

function isResourceNotFound(error: unknown): boolean {
  return (error as { name?: string }).name === 'ResourceNotFoundException';
}

function isResourceExists(error: unknown): boolean {
  return (error as { name?: string }).name === 'ResourceExistsException';
}

function translate(error: unknown, name: string, versionId?: string): Error {
  if (error instanceof SecretNotFoundError || error instanceof SecretStoreUnavailableError) return error;
  if (isResourceNotFound(error)) return new SecretNotFoundError(name, versionId, { cause: error });
  if (isUnreachableError(error)) return new SecretStoreUnavailableError(`Secrets Manager is not reachable (${name})`, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}
