import { IDLE_AFTER_MS, MAX_REPORT_SECONDS, ReadingClock } from './reading-clock';

function clock(visible = true) {
  let now = 1_000_000;
  const reading = new ReadingClock(() => now, visible);
  return { reading, pass: (ms: number) => (now += ms) };
}

describe('ReadingClock', () => {
  it('counts whole seconds while the page is visible and keeps the rest for the next report', () => {
    const { reading, pass } = clock();
    pass(12_400);
    expect(reading.take()).toBe(12);
    pass(600);
    expect(reading.take()).toBe(1);
    expect(reading.take()).toBe(0);
  });

  it('stops counting two minutes after the last activity and starts again on the next one', () => {
    const { reading, pass } = clock();
    pass(IDLE_AFTER_MS + 300_000);
    expect(reading.take()).toBe(IDLE_AFTER_MS / 1000);
    reading.activity();
    pass(30_000);
    expect(reading.take()).toBe(30);
  });

  it('does not count while the page is hidden, and counts again once it is shown', () => {
    const { reading, pass } = clock();
    pass(10_000);
    reading.setVisible(false);
    pass(600_000);
    expect(reading.take()).toBe(10);
    reading.setVisible(true);
    pass(5_000);
    expect(reading.take()).toBe(5);
  });

  it('counts nothing when it starts hidden', () => {
    const { reading, pass } = clock(false);
    pass(60_000);
    expect(reading.take()).toBe(0);
  });

  it('reports at most an hour at a time and takes back seconds a failed report could not deliver', () => {
    const { reading, pass } = clock();
    for (let minute = 0; minute < 90; minute++) {
      pass(60_000);
      reading.activity();
    }
    expect(reading.take()).toBe(MAX_REPORT_SECONDS);
    expect(reading.take()).toBe(1_800);
    reading.giveBack(25);
    expect(reading.take()).toBe(25);
  });
});
