import { ViewingReporter, type ViewingPlace } from './viewing-reporter';
import { WatchClock } from './watch-clock';

function setup(results: boolean[] = []) {
  let now = 0;
  let tick: () => void = () => undefined;
  let cleared = false;
  const clock = new WatchClock(() => now);
  const sent: Array<{ place: ViewingPlace; seconds: number; keepalive: boolean }> = [];
  let place: ViewingPlace | null = { videoId: 'v1', positionSeconds: 0 };
  const reporter = new ViewingReporter({
    clock,
    place: () => place,
    send: async (at, seconds, { keepalive }) => {
      sent.push({ place: at, seconds, keepalive });
      return results.shift() ?? true;
    },
    setInterval: (callback) => {
      tick = callback;
      return 1;
    },
    clearInterval: () => (cleared = true),
  });
  return {
    reporter,
    clock,
    sent,
    pass: (ms: number) => (now += ms),
    /** One interval tick, and the report it may send delivered. */
    tick: async () => {
      tick();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    moveTo: (next: ViewingPlace | null) => (place = next),
    cleared: () => cleared,
  };
}

describe('ViewingReporter', () => {
  it('reports on each tick while playing, not while paused, and once more with keepalive on leaving', async () => {
    const { reporter, clock, sent, pass, tick, moveTo, cleared } = setup();
    reporter.start();
    clock.start();
    pass(10_000);
    moveTo({ videoId: 'v1', positionSeconds: 10 });
    await tick();
    clock.stop();
    pass(30_000);
    await tick();
    moveTo({ videoId: 'v1', positionSeconds: 10.5 });
    await reporter.stop();
    expect(sent).toEqual([
      { place: { videoId: 'v1', positionSeconds: 10 }, seconds: 10, keepalive: false },
      { place: { videoId: 'v1', positionSeconds: 10.5 }, seconds: 0, keepalive: true },
    ]);
    expect(cleared()).toBe(true);
  });

  it('sends the seconds of a failed report with the next one', async () => {
    const { reporter, clock, sent, pass } = setup([false]);
    clock.start();
    pass(4_000);
    await reporter.report();
    pass(6_000);
    await reporter.report();
    expect(sent.map((report) => report.seconds)).toEqual([4, 10]);
  });

  it('says nothing before a video is loaded', async () => {
    const { reporter, sent, moveTo } = setup();
    moveTo(null);
    await reporter.report();
    expect(sent).toEqual([]);
  });
});
