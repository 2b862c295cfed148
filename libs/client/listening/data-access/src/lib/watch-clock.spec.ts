import { WatchClock } from './watch-clock';

describe('WatchClock', () => {
  it('counts only while playing, and keeps the fractions for the next take', () => {
    let now = 0;
    const clock = new WatchClock(() => now);
    now = 5_000;
    expect(clock.take()).toBe(0);
    clock.start();
    now = 7_600;
    clock.stop();
    now = 60_000;
    expect(clock.take()).toBe(2);
    clock.start();
    now = 60_500;
    expect(clock.take()).toBe(1);
    expect(clock.running).toBe(true);
  });

  it('takes back the seconds of a report that failed', () => {
    let now = 0;
    const clock = new WatchClock(() => now);
    clock.start();
    now = 3_000;
    const seconds = clock.take();
    clock.giveBack(seconds);
    expect(clock.take()).toBe(3);
  });
});
