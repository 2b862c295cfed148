import { applyViewingReport, PositionOutOfRangeError, PROGRESS_EVENT_INTERVAL_MS, reachesEnd, VIEWING_SESSION_GAP_MS, type Viewing } from './viewing';

const START = new Date('2026-03-10T09:00:00Z');
const later = (ms: number) => new Date(START.getTime() + ms);

describe('viewing a video', () => {
  it('starts a session with the first report, adding up the seconds watched', () => {
    const first = applyViewingReport(null, { positionSeconds: 3, watchedSeconds: 3 }, 20, START);
    expect(first).toEqual({
      next: { positionSeconds: 3, watchedSeconds: 3, completed: false, startedAt: START, progressReportedAt: START, updatedAt: START, revision: 1 },
      started: true,
      progressed: true,
      completed: false,
    });
    const second = applyViewingReport(first.next, { positionSeconds: 8, watchedSeconds: 5 }, 20, later(5_000));
    expect(second).toMatchObject({ started: false, progressed: false, completed: false, next: { positionSeconds: 8, watchedSeconds: 8, revision: 2, startedAt: START } });
  });

  it('reports progress at most every five minutes, and only with time watched', () => {
    let viewing: Viewing = applyViewingReport(null, { positionSeconds: 0, watchedSeconds: 0 }, 3_600, START).next;
    expect(viewing.progressReportedAt).toBeNull();
    const first = applyViewingReport(viewing, { positionSeconds: 10, watchedSeconds: 10 }, 3_600, later(10_000));
    expect(first.progressed).toBe(true);
    viewing = first.next;
    const soon = applyViewingReport(viewing, { positionSeconds: 200, watchedSeconds: 190 }, 3_600, later(PROGRESS_EVENT_INTERVAL_MS));
    expect(soon.progressed).toBe(false);
    const due = applyViewingReport(soon.next, { positionSeconds: 400, watchedSeconds: 200 }, 3_600, later(10_000 + PROGRESS_EVENT_INTERVAL_MS));
    expect(due).toMatchObject({ progressed: true, next: { watchedSeconds: 400 } });
    // A seek with no time watched says nothing.
    expect(applyViewingReport(due.next, { positionSeconds: 900, watchedSeconds: 0 }, 3_600, later(20 * 60_000)).progressed).toBe(false);
  });

  it('completes once at the end, and stays completed when watched again', () => {
    const watching = applyViewingReport(null, { positionSeconds: 10, watchedSeconds: 10 }, 20, START).next;
    const end = applyViewingReport(watching, { positionSeconds: 19.2, watchedSeconds: 9 }, 20, later(9_000));
    expect(end).toMatchObject({ completed: true, progressed: false, next: { completed: true } });
    const again = applyViewingReport(end.next, { positionSeconds: 20, watchedSeconds: 1 }, 20, later(10_000));
    expect(again).toMatchObject({ completed: false, next: { completed: true } });
    expect(applyViewingReport(again.next, { positionSeconds: 0, watchedSeconds: 0 }, 20, later(11_000)).next.completed).toBe(true);
  });

  it('starts a new session after half an hour away', () => {
    const first = applyViewingReport(null, { positionSeconds: 5, watchedSeconds: 5 }, 20, START).next;
    expect(applyViewingReport(first, { positionSeconds: 6, watchedSeconds: 1 }, 20, later(VIEWING_SESSION_GAP_MS - 1)).started).toBe(false);
    const back = applyViewingReport(first, { positionSeconds: 6, watchedSeconds: 1 }, 20, later(VIEWING_SESSION_GAP_MS));
    expect(back).toMatchObject({ started: true, next: { startedAt: later(VIEWING_SESSION_GAP_MS) } });
  });

  it('takes a position a little past the end as the end, and refuses one far past it', () => {
    expect(applyViewingReport(null, { positionSeconds: 20.8, watchedSeconds: 1 }, 20, START).next).toMatchObject({ positionSeconds: 20, completed: true });
    expect(() => applyViewingReport(null, { positionSeconds: 21.5, watchedSeconds: 1 }, 20, START)).toThrow(PositionOutOfRangeError);
  });

  it('counts the last second, or the last 5 % of a long video, as the end', () => {
    expect([reachesEnd(18.9, 20), reachesEnd(19, 20), reachesEnd(569, 600), reachesEnd(570, 600), reachesEnd(0, 0)]).toEqual([false, true, false, true, true]);
  });
});
