import { analyseDrill, DRAIN_WINDOW_MIN_MS, type StudentEffects, type WriteRecord } from './drill-analysis';
import type { Arrival } from './support/topic-watch';

const A = 'student-a';
const B = 'student-b';
const RECOVERED = 100_000;

function write(userId: string, seq: number, ackedAt: number, extra: Partial<WriteRecord> = {}): WriteRecord {
  return {
    userId,
    seq,
    lemma: `${userId}-${seq}`,
    attempts: [{ startedAt: ackedAt - 10, ms: 10, status: 201 }],
    ackedAt,
    userWordId: `${userId}-word-${seq}`,
    ack: 'created',
    ...extra,
  };
}

let offset = 0;
function arrival(of: WriteRecord, producedAt: number, eventId = `event-${of.userWordId}`): Arrival {
  return {
    topic: 'learning.cards.v1',
    partition: 0,
    offset: String(offset++),
    key: of.userId,
    eventId,
    type: 'learning.word.added',
    occurredAt: new Date(of.ackedAt ?? 0).toISOString(),
    payload: { userId: of.userId, userWordId: of.userWordId },
    producedAt,
    readAt: producedAt,
  };
}

const listed = (writes: WriteRecord[], userId: string): StudentEffects => {
  const lemmas = writes.filter((w) => w.userId === userId && w.userWordId).map((w) => w.lemma);
  return { userId, wordList: lemmas, progressTotalWords: lemmas.length };
};

describe('analyseDrill', () => {
  const writes = [write(A, 0, 90_000), write(A, 1, 95_000), write(B, 0, 96_000), write(A, 2, 101_000)];
  const effects = [listed(writes, A), listed(writes, B)];

  it('counts nothing wrong when every acknowledged write arrived once, in order', () => {
    const arrivals = [arrival(writes[0], 90_100), arrival(writes[1], 102_000), arrival(writes[2], 102_001), arrival(writes[3], 103_500)];
    const metrics = analyseDrill({ planned: 4, writes, arrivals, recoveredAt: RECOVERED, effects });
    expect(metrics).toMatchObject({ lost: 0, redeliveries: 0, duplicatedEffects: 0, inversions: 0, missingFromWordList: 0, readModelBehind: 0 });
    // Acknowledged before recovery, on Kafka after it: A1 and B0 (A2 was acknowledged after recovery).
    expect(metrics.backlogAtRecovery).toBe(2);
    expect(metrics.drainMs).toBe(2_001);
    // A2 was acknowledged before the backlog drained: no live lag to report.
    expect(metrics.eventLagAfterDrain.count).toBe(0);
    expect(metrics.writes).toMatchObject({ planned: 4, acknowledged: 4, unacknowledged: 0, abandoned: 0, failedAttempts: {} });
  });

  it('counts an acknowledged write whose event never arrived as lost, and then has no drain time', () => {
    const arrivals = [arrival(writes[0], 90_100), arrival(writes[2], 102_001), arrival(writes[3], 103_500)];
    const metrics = analyseDrill({ planned: 4, writes, arrivals, recoveredAt: RECOVERED, effects });
    expect(metrics.lost).toBe(1);
    expect(metrics.lostUserWordIds).toEqual([writes[1].userWordId]);
    expect(metrics.drainMs).toBeNull();
  });

  it('tells a redelivery (same event id) from one write published as two events (a duplicated effect)', () => {
    const redelivered = [arrival(writes[0], 90_100), arrival(writes[0], 102_000), arrival(writes[1], 102_000), arrival(writes[2], 102_001), arrival(writes[3], 103_500)];
    expect(analyseDrill({ planned: 4, writes, arrivals: redelivered, recoveredAt: RECOVERED, effects })).toMatchObject({ redeliveries: 1, duplicatedEffects: 0 });

    const twice = [arrival(writes[0], 90_100), arrival(writes[0], 102_000, 'another-event-id'), arrival(writes[1], 102_000), arrival(writes[2], 102_001), arrival(writes[3], 103_500)];
    const metrics = analyseDrill({ planned: 4, writes, arrivals: twice, recoveredAt: RECOVERED, effects });
    expect(metrics).toMatchObject({ redeliveries: 0, duplicatedEffects: 1, duplicated: { wordList: 0, readModel: 0, publishedTwice: 1 } });
  });

  it('counts an inversion per event read after one its writer wrote later; other students do not interfere', () => {
    const arrivals = [arrival(writes[2], 96_100), arrival(writes[1], 102_000), arrival(writes[0], 102_001), arrival(writes[3], 103_500)];
    const metrics = analyseDrill({ planned: 4, writes, arrivals, recoveredAt: RECOVERED, effects });
    expect(metrics.inversions).toBe(1);
    expect(metrics.inversionSamples).toEqual([expect.objectContaining({ key: A, seq: 0, afterSeq: 1 })]);
  });

  it('counts a lemma listed twice and a read model counting more cards than the list as duplicated effects', () => {
    const arrivals = writes.map((w, index) => arrival(w, 102_000 + index));
    const doubled: StudentEffects[] = [
      { userId: A, wordList: [...(effects[0].wordList ?? []), `${A}-1`], progressTotalWords: 4 },
      { userId: B, wordList: effects[1].wordList, progressTotalWords: 3 },
    ];
    const metrics = analyseDrill({ planned: 4, writes, arrivals, recoveredAt: RECOVERED, effects: doubled });
    expect(metrics.duplicated).toEqual({ wordList: 1, readModel: 2, publishedTwice: 0 });
    expect(metrics.duplicatedEffects).toBe(3);
  });

  it('reports acknowledged words missing from the list, a lagging read model and unreadable students apart', () => {
    const arrivals = writes.map((w, index) => arrival(w, 102_000 + index));
    const partial: StudentEffects[] = [
      { userId: A, wordList: [`${A}-0`, `${A}-1`], progressTotalWords: 1 },
      { userId: B, wordList: null, progressTotalWords: null },
    ];
    expect(analyseDrill({ planned: 4, writes, arrivals, recoveredAt: RECOVERED, effects: partial })).toMatchObject({
      missingFromWordList: 1,
      readModelBehind: 1,
      unreadableStudents: 1,
      duplicatedEffects: 0,
    });
  });

  it('counts failed attempts by status except the acknowledging one, and writes never attempted as abandoned', () => {
    const retried = write(A, 0, 90_000, {
      attempts: [
        { startedAt: 89_000, ms: 10_000, status: 0 },
        { startedAt: 89_500, ms: 5, status: 503 },
        { startedAt: 89_900, ms: 5, status: 409 },
      ],
      ack: 'exists',
    });
    const refused = write(B, 0, 0, { attempts: [{ startedAt: 89_000, ms: 5, status: 400 }], userWordId: undefined, ackedAt: undefined, ack: undefined });
    const metrics = analyseDrill({ planned: 5, writes: [retried, refused], arrivals: [arrival(retried, 90_100)], recoveredAt: RECOVERED, effects: [] });
    expect(metrics.writes).toEqual({
      planned: 5,
      acknowledged: 1,
      acknowledgedOnRetry: 1,
      unacknowledged: 1,
      abandoned: 3,
      attempts: 4,
      failedAttempts: { 'no answer': 1, '503': 1, '400': 1 },
    });
  });

  it('measures the live event lag of writes acknowledged after the drain', () => {
    const live = write(A, 3, 110_000);
    const all = [...writes, live];
    const arrivals = [arrival(writes[0], 90_100), arrival(writes[1], 102_000), arrival(writes[2], 102_001), arrival(writes[3], 103_500), arrival(live, 110_300)];
    expect(analyseDrill({ planned: 5, writes: all, arrivals, recoveredAt: RECOVERED, effects }).eventLagAfterDrain).toMatchObject({ count: 1, p99: 300 });
  });

  it('takes the drain-window p99 over attempts started after recovery, over at least the minimum window', () => {
    const late = write(A, 0, RECOVERED + DRAIN_WINDOW_MIN_MS + 1_000, { attempts: [{ startedAt: RECOVERED + DRAIN_WINDOW_MIN_MS + 1_000, ms: 900, status: 201 }] });
    const during = write(A, 1, RECOVERED + 2_000, { attempts: [{ startedAt: RECOVERED + 1_000, ms: 300, status: 201 }] });
    const before = write(A, 2, RECOVERED - 1_000, { attempts: [{ startedAt: RECOVERED - 2_000, ms: 700, status: 201 }] });
    const all = [late, during, before];
    const metrics = analyseDrill({ planned: 3, writes: all, arrivals: all.map((w) => arrival(w, RECOVERED + 500)), recoveredAt: RECOVERED, effects: [] });
    expect(metrics.writeLatencyDuringDrain).toMatchObject({ count: 1, p99: 300 });
  });
});
