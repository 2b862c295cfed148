import { availableParallelism } from 'node:os';
import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';
import type { PasswordHasher } from '@tall/profile/application';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
export const ARGON2_PARAMETERS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * At most one hash per core at once. More would only queue inside libuv's thread pool, where
 * they delay every other user of the pool (file system, DNS, zlib, WebCrypto), and each takes
 * 19 MiB; further sign-ins wait their turn here, in order.
 */
export const DEFAULT_HASH_CONCURRENCY = Math.max(1, availableParallelism());

export class Argon2PasswordHasher implements PasswordHasher {
  /** Verified against for unknown accounts: the same parameters, so the same cost. */
  private dummyHash: Promise<string> | undefined;
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly concurrency = DEFAULT_HASH_CONCURRENCY) {}

  hash(password: string): Promise<string> {
    return this.limited(() => argon2.hash(password, ARGON2_PARAMETERS));
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await this.limited(() => argon2.verify(hash, password));
    } catch {
      // A malformed stored hash never verifies.
      return false;
    }
  }

  async verifyDummy(password: string): Promise<false> {
    await this.verify(await this.dummy(), password);
    return false;
  }

  needsRehash(hash: string): boolean {
    return argon2.needsRehash(hash, ARGON2_PARAMETERS);
  }

  /** Computes the dummy hash ahead of the first sign-in, so the first unknown email is not slower. */
  async warmUp(): Promise<void> {
    await this.dummy();
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.hash(randomBytes(24).toString('base64url'));
    return this.dummyHash;
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}
