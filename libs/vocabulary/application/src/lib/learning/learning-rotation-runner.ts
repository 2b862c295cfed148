import { Inject, Injectable, Optional } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { createEvent } from '@tall/platform/event-contracts';
import { LOGGER, type Logger } from '@tall/platform/observability';
import { LearningRotationCompleted, LearningWeekRotated } from '@tall/vocabulary/contracts';
import { rotateWeek } from '@tall/vocabulary/domain';
import { LEARNING_CLOCK, LEARNING_SETTINGS, type Clock, type LearningSettings } from './learning-settings';
import { ROTATION_STORE, type RotationStore } from './rotation-store.port';

/** Students per page read and per bulk write. */
export const ROTATION_BATCH_SIZE = 500;
/** Lease on a week's rotation, renewed after every batch; another instance takes over when it runs out. */
export const ROTATION_LEASE_MS = 2 * 60_000;

/**
 * Runs the Monday rotation of every student's active set, once per ISO week. The weekly job's
 * event only records the week (RequestWeekRotationCommand, so the event relay is not held up for
 * the whole run); the run goes on in the background under a lease, streams the students with one
 * cursor reading their cohort sizes alone (never a card), and records each student's active set with its `learning.week.rotated`
 * event in bulk inserts. A (week, student) is recorded once, so a second run (a retry, a
 * redelivered event, another instance after a crash) changes nothing and publishes nothing again;
 * the totals of the completion event are those of the run that completes the week.
 */
@Injectable()
export class LearningRotationRunner {
  readonly holder = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    @Inject(ROTATION_STORE) private readonly store: RotationStore,
    @Inject(LEARNING_SETTINGS) private readonly settings: LearningSettings,
    @Inject(LEARNING_CLOCK) private readonly clock: Clock,
    @Optional() @Inject(LOGGER) private readonly logger?: Logger,
  ) {}

  /** Runs every unfinished week in the background (at start, on a timer, after a request). */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runPending()
      .catch((error: unknown) => this.logger?.error({ err: error }, 'learning rotation failed; it is retried'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves when no run started here is in progress. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async runPending(): Promise<void> {
    for (const week of await this.store.unfinishedWeeks()) await this.run(week);
  }

  private async run(week: string): Promise<void> {
    const latest = await this.store.latestCompletedWeek();
    if (latest !== null && latest > week) {
      // Older than a week already rotated (a very late event): its set would be stale at once.
      await this.store.markSkipped(week, this.clock());
      this.logger?.warn({ week, latest }, 'learning rotation skipped: a later week is already rotated');
      return;
    }
    if (!(await this.store.claimWeek(week, this.holder, this.clock(), ROTATION_LEASE_MS))) return;
    const record = await this.store.week(week);
    if (!record) return;
    const meta = { key: week, correlationId: record.correlationId, causationId: record.causationId };
    const started = Date.now();
    const cycle = this.settings.cohortCycle;
    const totals = { students: 0, cards: 0 };
    let written = 0;
    for await (const students of this.store.students(ROTATION_BATCH_SIZE)) {
      const at = this.clock();
      const rotations = students.flatMap(({ userId, cohorts }) => {
        try {
          const rotation = rotateWeek(week, cohorts, cycle);
          const event = createEvent(LearningWeekRotated, { userId, ...rotation, at: at.toISOString() }, { ...meta, key: userId, occurredAt: at });
          return [{ userId, rotation, event }];
        } catch (error) {
          // One damaged record must not hold up the whole school's rotation.
          this.logger?.error({ err: error, week, userId }, 'learning rotation: student skipped');
          return [];
        }
      });
      written += await this.store.applyRotations(week, rotations, at);
      totals.students += rotations.length;
      totals.cards += rotations.reduce((sum, { rotation }) => sum + rotation.activeCards, 0);
      if (!(await this.store.claimWeek(week, this.holder, this.clock(), ROTATION_LEASE_MS))) {
        this.logger?.warn({ week, written }, 'learning rotation lease lost; another instance finishes the week');
        return;
      }
    }
    const at = this.clock();
    const durationMs = Date.now() - started;
    const event = createEvent(LearningRotationCompleted, { week, ...totals, durationMs, at: at.toISOString() }, { ...meta, occurredAt: at });
    if (await this.store.completeWeek(week, this.holder, totals, at, event)) {
      this.logger?.info({ week, ...totals, written, durationMs }, 'learning rotation completed');
    }
  }
}
