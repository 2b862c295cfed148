import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap, Optional } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { LOGGER, type Logger } from '@tall/platform/observability';
import { BackfillPiiRolesCommand } from '@tall/profile/application';

export interface PiiRoleBackfillOptions {
  /** Wait before the second attempt; each further wait doubles, up to `maxRetryDelayMs`. */
  firstRetryDelayMs: number;
  maxRetryDelayMs: number;
}

export const PII_ROLE_BACKFILL_OPTIONS = Symbol('PII_ROLE_BACKFILL_OPTIONS');

const DEFAULTS: PiiRoleBackfillOptions = { firstRetryDelayMs: 1_000, maxRetryDelayMs: 5 * 60_000 };

/**
 * Runs profile's one-time backfill of accounts' roles into pii (`BackfillPiiRolesCommand`) once
 * the application has started, in the background: pii may be another process that is down or
 * still starting, and that must not keep profile from serving. A failed attempt is retried with
 * exponential backoff until pii accepts every batch; the command records it as done, so later
 * starts only look at the ledger. Instances starting together may both send the roles, which pii
 * takes once.
 */
@Injectable()
export class PiiRoleBackfill implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly options: PiiRoleBackfillOptions;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() @Inject(PII_ROLE_BACKFILL_OPTIONS) options?: Partial<PiiRoleBackfillOptions>,
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  onApplicationBootstrap(): void {
    this.attempt(1);
  }

  /** Before the pools close: no new attempt, and the one under way is waited for. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.running;
  }

  private attempt(attempt: number): void {
    if (this.stopped) return;
    this.running = this.run(attempt);
  }

  private async run(attempt: number): Promise<void> {
    try {
      const outcome = await this.commands.execute(new BackfillPiiRolesCommand());
      if (outcome.ran) this.logger.info({ ...outcome, attempt }, "accounts' roles sent to pii (one-time backfill)");
    } catch (error) {
      if (this.stopped) return;
      const delayMs = Math.min(this.options.maxRetryDelayMs, this.options.firstRetryDelayMs * 2 ** Math.min(attempt - 1, 30));
      this.logger.warn(
        { attempt, retryInMs: delayMs, err: error instanceof Error ? error.message : String(error) },
        "could not send accounts' roles to pii yet; retrying",
      );
      this.retry = setTimeout(() => this.attempt(attempt + 1), delayMs);
      this.retry.unref();
    }
  }
}
