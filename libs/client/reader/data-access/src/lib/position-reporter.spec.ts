import { PositionReporter } from './position-reporter';
import { ReadingClock } from './reading-clock';
import type { ReadingPlace } from './reader.store';

function setup(results: boolean[] = []) {
  let now = 0;
  let tick: () => void = () => undefined;
  let cleared = false;
  const clock = new ReadingClock(() => now);
  const sent: Array<{ place: ReadingPlace; seconds: number; keepalive: boolean }> = [];
  let place: ReadingPlace | null = { paragraph: 0, sentence: 0 };
  const reporter = new PositionReporter({
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
    sent,
    pass: (ms: number) => {
      now += ms;
      clock.activity();
    },
    tick: () => tick(),
    moveTo: (next: ReadingPlace | null) => (place = next),
    cleared: () => cleared,
  };
}

describe('PositionReporter', () => {
  it('reports every tick with the seconds read since the last report, and once more with keepalive on leaving', async () => {
    const { reporter, sent, pass, tick, moveTo, cleared } = setup();
    reporter.start();
    pass(30_000);
    tick();
    moveTo({ paragraph: 3, sentence: 1 });
    pass(12_000);
    await reporter.stop();
    expect(sent).toEqual([
      { place: { paragraph: 0, sentence: 0 }, seconds: 30, keepalive: false },
      { place: { paragraph: 3, sentence: 1 }, seconds: 12, keepalive: true },
    ]);
    expect(cleared()).toBe(true);
  });

  it('sends the seconds of a failed report with the next one', async () => {
    const { reporter, sent, pass } = setup([false]);
    pass(20_000);
    await reporter.report();
    pass(5_000);
    await reporter.report();
    expect(sent.map((report) => report.seconds)).toEqual([20, 25]);
  });

  it('says nothing before the text is shown', async () => {
    const { reporter, sent, moveTo } = setup();
    moveTo(null);
    await reporter.report();
    expect(sent).toEqual([]);
  });
});
