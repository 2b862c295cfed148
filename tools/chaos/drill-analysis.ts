// What a drill measured, computed from what the writers recorded, what arrived on Kafka and what
// the read sides show afterwards. Pure: no I/O, so the definitions below are unit-tested.
//
// Definitions (per drill; "acknowledged" = the API answered 201, or 409 LEARNING_WORD_EXISTS to a
// retry, which names the card an earlier, unanswered attempt created):
// - lost: acknowledged writes whose `learning.word.added` event (matched by userWordId) had not
//   reached Kafka by the drain deadline (60 s + 50 ms per event then missing). Such an event may
//   still sit in the outbox of an app that did not recover: lost to its consumers all the same.
// - redeliveries: the same event id read from Kafka at more than one offset. Allowed: transport is
//   at-least-once, consumers dedupe by event id.
// - duplicated effects: one write taking effect twice, in any of three places:
//     word list:  a written lemma present more than once in the student's word list;
//     read model: the progress record's totalWords above the cards in the student's word list;
//     published twice: one userWordId carried by two different event ids (an inbox keyed by
//                  event id would apply both).
// - order inversions: per key (the student; each writer writes sequentially), an event read
//   after the event of a write that was acknowledged later (first reads only).
// - backlog at recovery: acknowledged writes whose event had not reached Kafka when the broken
//   server (or the app) answered again.
// - drain: from recovery until the last event of that backlog reached Kafka (its record
//   timestamp); 0 when nothing was waiting; null when one of them never arrived. Writes go on
//   during the drain: their events queue behind the backlog.
// - write p99 during the drain: p99 of write attempts started between recovery and the end of
//   the drain, the window at least DRAIN_WINDOW_MIN_MS long so the percentile has samples.
// - event lag after the drain: for writes acknowledged after the drain, the time from the
//   acknowledgement to the event on Kafka: whether the relay keeps up with live traffic again.
import { summarize, type LatencySummary } from './support/latency';
import type { Arrival } from './support/topic-watch';

export const DRAIN_WINDOW_MIN_MS = 5_000;

export interface Attempt {
  startedAt: number;
  ms: number;
  /** HTTP status, 0 when no answer came. */
  status: number;
}

export interface WriteRecord {
  userId: string;
  /** Position in the writer's sequence: writes of one writer are acknowledged in this order. */
  seq: number;
  lemma: string;
  attempts: Attempt[];
  ackedAt?: number;
  userWordId?: string;
  /** `created`: 201; `exists`: a retry answered 409 naming the card an earlier attempt made. */
  ack?: 'created' | 'exists';
}

export interface StudentEffects {
  userId: string;
  /** Lemmas in the student's word list, one entry per card; null when the API could not list them. */
  wordList: string[] | null;
  /** The progress read model's count of the student's learning cards; null when it could not be read. */
  progressTotalWords: number | null;
}

export interface DrillObservation {
  /** Writes the burst meant to make; a writer whose write found no app for WRITE_DEADLINE_MS abandons the rest. */
  planned: number;
  writes: WriteRecord[];
  /** `learning.word.added` events of this run's students, in the order read. */
  arrivals: Arrival[];
  /** When the disrupted server or the app answered again. */
  recoveredAt: number;
  effects: StudentEffects[];
}

export interface DrillMetrics {
  writes: {
    planned: number;
    acknowledged: number;
    acknowledgedOnRetry: number;
    /** Attempted, never acknowledged (refused, or no answer before the write's deadline). */
    unacknowledged: number;
    /** Never attempted: their writer gave up after a write found no app. */
    abandoned: number;
    attempts: number;
    failedAttempts: Record<string, number>;
  };
  lost: number;
  lostUserWordIds: string[];
  redeliveries: number;
  duplicatedEffects: number;
  duplicated: { wordList: number; readModel: number; publishedTwice: number };
  /** Acknowledged words missing from the word list (a write answered but not kept). */
  missingFromWordList: number;
  /** Cards in the word list the progress record does not count (yet). */
  readModelBehind: number;
  /** Students whose word list or progress record could not be read: their effects are not counted. */
  unreadableStudents: number;
  inversions: number;
  /** The first inversions, for a post-mortem: the event read, and the later write read before it. */
  inversionSamples: Array<{ key: string; seq: number; afterSeq: number; partition: number; offset: string; producedAt: number }>;
  backlogAtRecovery: number;
  drainMs: number | null;
  writeLatency: LatencySummary;
  writeLatencyDuringDrain: LatencySummary;
  eventLagAfterDrain: LatencySummary;
}

export function analyseDrill({ planned, writes, arrivals, recoveredAt, effects }: DrillObservation): DrillMetrics {
  const acknowledged = writes.filter((write) => write.userWordId !== undefined);
  const attempts = writes.flatMap((write) => write.attempts);
  // Every attempt but the acknowledging one (a 201, or the 409 that names an earlier attempt's card).
  const failedAttempts: Record<string, number> = {};
  for (const write of writes) {
    for (const attempt of write.userWordId === undefined ? write.attempts : write.attempts.slice(0, -1)) {
      const key = attempt.status === 0 ? 'no answer' : String(attempt.status);
      failedAttempts[key] = (failedAttempts[key] ?? 0) + 1;
    }
  }

  // First read of each event id; later reads of the same id are redeliveries.
  const firstReads: Arrival[] = [];
  const eventIds = new Set<string>();
  let redeliveries = 0;
  for (const arrival of arrivals) {
    if (eventIds.has(arrival.eventId)) redeliveries++;
    else {
      eventIds.add(arrival.eventId);
      firstReads.push(arrival);
    }
  }
  const eventsOfWord = new Map<string, Arrival[]>();
  for (const arrival of firstReads) {
    const userWordId = String(arrival.payload['userWordId']);
    eventsOfWord.set(userWordId, [...(eventsOfWord.get(userWordId) ?? []), arrival]);
  }
  const publishedTwice = [...eventsOfWord.values()].reduce((sum, events) => sum + events.length - 1, 0);

  const lostWrites = acknowledged.filter((write) => !eventsOfWord.has(write.userWordId as string));
  const reachedKafkaAt = (write: WriteRecord) => Math.min(...(eventsOfWord.get(write.userWordId as string) ?? []).map((event) => event.producedAt));

  // Order: per student, map each first read to its write's sequence number.
  const seqOfWord = new Map(acknowledged.map((write) => [write.userWordId as string, write]));
  const highest = new Map<string, number>();
  let inversions = 0;
  const inversionSamples: DrillMetrics['inversionSamples'] = [];
  for (const arrival of firstReads) {
    const write = seqOfWord.get(String(arrival.payload['userWordId']));
    if (!write) continue;
    const before = highest.get(write.userId) ?? -1;
    if (write.seq < before) {
      inversions++;
      if (inversionSamples.length < 10) {
        inversionSamples.push({ key: write.userId, seq: write.seq, afterSeq: before, partition: arrival.partition, offset: arrival.offset, producedAt: arrival.producedAt });
      }
    } else highest.set(write.userId, write.seq);
  }

  const backlog = acknowledged.filter((write) => (write.ackedAt as number) <= recoveredAt && !(reachedKafkaAt(write) <= recoveredAt));
  const backlogReached = backlog.reduce((latest, write) => Math.max(latest, reachedKafkaAt(write)), recoveredAt);
  const drainMs = backlogReached === Number.POSITIVE_INFINITY ? null : backlogReached - recoveredAt;
  const windowEnd = recoveredAt + Math.max(drainMs ?? 0, DRAIN_WINDOW_MIN_MS);
  const duringDrain = attempts.filter((attempt) => attempt.startedAt >= recoveredAt && attempt.startedAt <= windowEnd).map((attempt) => attempt.ms);
  const afterDrain = drainMs === null ? [] : acknowledged.filter((write) => (write.ackedAt as number) > recoveredAt + drainMs);
  // Clamped at 0: the relay may publish before the writer has read its answer.
  const liveLags = afterDrain.map((write) => Math.max(0, reachedKafkaAt(write) - (write.ackedAt as number))).filter(Number.isFinite);

  let wordListDuplicates = 0;
  let readModelDuplicates = 0;
  let missingFromWordList = 0;
  let readModelBehind = 0;
  let unreadableStudents = 0;
  for (const student of effects) {
    if (student.wordList === null || student.progressTotalWords === null) unreadableStudents++;
    if (student.wordList === null) continue;
    const counts = new Map<string, number>();
    for (const lemma of student.wordList) counts.set(lemma, (counts.get(lemma) ?? 0) + 1);
    for (const count of counts.values()) wordListDuplicates += count - 1;
    missingFromWordList += acknowledged.filter((write) => write.userId === student.userId && !counts.has(write.lemma)).length;
    if (student.progressTotalWords !== null) {
      readModelDuplicates += Math.max(0, student.progressTotalWords - student.wordList.length);
      readModelBehind += Math.max(0, student.wordList.length - student.progressTotalWords);
    }
  }

  return {
    writes: {
      planned,
      acknowledged: acknowledged.length,
      acknowledgedOnRetry: acknowledged.filter((write) => write.ack === 'exists').length,
      unacknowledged: writes.length - acknowledged.length,
      abandoned: Math.max(0, planned - writes.length),
      attempts: attempts.length,
      failedAttempts,
    },
    lost: lostWrites.length,
    lostUserWordIds: lostWrites.slice(0, 20).map((write) => write.userWordId as string),
    redeliveries,
    duplicatedEffects: wordListDuplicates + readModelDuplicates + publishedTwice,
    duplicated: { wordList: wordListDuplicates, readModel: readModelDuplicates, publishedTwice },
    missingFromWordList,
    readModelBehind,
    unreadableStudents,
    inversions,
    inversionSamples,
    backlogAtRecovery: backlog.length,
    drainMs,
    writeLatency: summarize(attempts.map((attempt) => attempt.ms)),
    writeLatencyDuringDrain: summarize(duringDrain),
    eventLagAfterDrain: summarize(liveLags),
  };
}
