import { defaultRate, runDrill, type DrillResult } from './drills';
import { stackScript } from './support/local-stack';
import { ensureBuilt } from './support/tall-app';

/**
 * The short broker drill of `npm run chaos` (drills.ts): 4 writers × 100 "add my own word" writes,
 * Kafka stopped for 5 s once a quarter is acknowledged. Stops a real server of the stack, so it
 * runs in the serial "outage" project after every other test (see jest.config.js).
 */
describe('broker outage during a burst of writes (short chaos drill 1)', () => {
  const writes = 400;
  const outageMs = 5_000;
  let result: DrillResult;

  beforeAll(async () => {
    ensureBuilt();
    const control = stackScript();
    try {
      result = await runDrill(1, { writes, writers: 4, outageMs, restartPauseMs: 0, rate: defaultRate(writes, outageMs), disruptAfter: 0.25, log: () => undefined }, control.envSync(), control);
    } finally {
      // runDrill starts Kafka again itself; this is the net should it have thrown before that.
      await control.start('kafka');
    }
  }, 600_000);

  it('acknowledges every write and publishes each acknowledged write exactly once, in order', () => {
    const { metrics } = result;
    expect(metrics.writes.acknowledged).toBe(writes);
    expect(metrics.lost).toBe(0);
    expect(metrics.duplicated).toEqual({ wordList: 0, readModel: 0, publishedTwice: 0 });
    expect(metrics.missingFromWordList).toBe(0);
    expect(metrics.readModelBehind).toBe(0);
    // With the samples, a failure shows which writes of which student came out of order.
    expect({ inversions: metrics.inversions, samples: metrics.inversionSamples }).toEqual({ inversions: 0, samples: [] });
  });

  it('really had a backlog at recovery, and drained it', () => {
    // Events acknowledged while the broker was down waited in the outbox: the drill tested something.
    expect(result.metrics.backlogAtRecovery).toBeGreaterThan(0);
    expect(result.metrics.drainMs).not.toBeNull();
    expect(result.timeline.allArrivedAt).not.toBeNull();
  });
});
