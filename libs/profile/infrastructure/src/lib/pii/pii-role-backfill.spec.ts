import type { CommandBus } from '@nestjs/cqrs';
import type { Logger } from '@tall/platform/observability';
import { BackfillPiiRolesCommand, type PiiRolesBackfillOutcome } from '@tall/profile/application';
import { PiiRoleBackfill } from './pii-role-backfill';

describe('PiiRoleBackfill', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** A command bus whose backfill fails `failures` times (pii unreachable), then succeeds. */
  function setup(failures: number, options = { firstRetryDelayMs: 10, maxRetryDelayMs: 40 }) {
    const outcome: PiiRolesBackfillOutcome = { ran: true, accounts: 3, batches: 1, recorded: 2 };
    let calls = 0;
    const execute = jest.fn(async (command: unknown): Promise<PiiRolesBackfillOutcome> => {
      expect(command).toBeInstanceOf(BackfillPiiRolesCommand);
      if (++calls <= failures) throw new Error('pii is unavailable');
      return outcome;
    });
    const warnings: Record<string, unknown>[] = [];
    const infos: Record<string, unknown>[] = [];
    const logger = { warn: (fields: Record<string, unknown>) => warnings.push(fields), info: (fields: Record<string, unknown>) => infos.push(fields) };
    const backfill = new PiiRoleBackfill({ execute } as unknown as CommandBus, logger as unknown as Logger, options);
    return { backfill, execute, warnings, infos };
  }

  it('does not hold up the start, retries with a doubling delay up to the cap, and stops once it succeeded', async () => {
    const { backfill, execute, warnings, infos } = setup(4);

    expect(backfill.onApplicationBootstrap()).toBeUndefined();
    await jest.advanceTimersByTimeAsync(0);
    expect(execute).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(9);
    expect(execute).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(execute).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(20 + 40 + 40);

    expect(execute).toHaveBeenCalledTimes(5);
    expect(warnings.map((fields) => [fields['attempt'], fields['retryInMs'], fields['err']])).toEqual([
      [1, 10, 'pii is unavailable'],
      [2, 20, 'pii is unavailable'],
      [3, 40, 'pii is unavailable'],
      [4, 40, 'pii is unavailable'],
    ]);
    expect(infos).toEqual([{ ran: true, accounts: 3, batches: 1, recorded: 2, attempt: 5 }]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('logs nothing when the ledger says it is done already', async () => {
    const { backfill, execute, infos } = setup(0);
    execute.mockResolvedValueOnce({ ran: false });
    backfill.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(0);
    expect(execute).toHaveBeenCalledTimes(1);
    expect(infos).toEqual([]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('stops retrying when the application shuts down, waiting for an attempt under way', async () => {
    const { backfill, execute, warnings } = setup(Number.POSITIVE_INFINITY);
    backfill.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(0);
    expect(jest.getTimerCount()).toBe(1);
    await backfill.beforeApplicationShutdown();
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(execute).toHaveBeenCalledTimes(1);

    // Shut down while an attempt runs: it is waited for, and its failure schedules nothing.
    const running = setup(Number.POSITIVE_INFINITY);
    let fail!: (error: Error) => void;
    running.execute.mockImplementationOnce(() => new Promise((_, reject) => (fail = reject)));
    running.backfill.onApplicationBootstrap();
    let stopped = false;
    const stopping = running.backfill.beforeApplicationShutdown().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    fail(new Error('the pool is closing'));
    await stopping;
    expect(running.warnings).toEqual([]);
    expect(jest.getTimerCount()).toBe(0);
    expect(warnings).toHaveLength(1);
  });
});
