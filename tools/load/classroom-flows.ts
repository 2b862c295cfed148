// The classroom's traffic as autocannon request flows, the way the web client calls the API
// (libs/client/vocabulary/data-access: thematic.store.ts and learning.store.ts; the teacher
// dashboard in libs/client/progress). Each flow is a list of requests one connection sends in
// turn; a step without data (an empty session or queue) ends the flow early and the connection
// starts the next one with the next student or teacher. Each request's latency is recorded per
// route from the moment autocannon builds it (right before it is written) to its parsed answer;
// requests without an answer count too (RouteStats).
import { randomUUID } from 'node:crypto';
import type { AutocannonRequest } from 'autocannon';

export interface Actor {
  id: string;
  token: string;
}

export interface DictionaryWord {
  id: string;
  lemma: string;
  article: 'de' | 'het' | null;
  translations: Record<string, string>;
  verb: { pastSingular: string; pastPlural: string; participle: string } | null;
}

export interface Dictionary {
  topicIds: string[];
  words: Map<string, DictionaryWord>;
}

/**
 * Latencies and statuses per route. A request that never gets an answer (autocannon's timeout, or
 * a connection error) counts as status 0 with the timeout as its latency, so the slowest requests
 * are not left out of the percentiles; it is noticed when its flow sends the next request, or at
 * the end of the run (`settle`).
 */
export class RouteStats {
  readonly latencies = new Map<string, number[]>();
  readonly statuses = new Map<string, Record<string, number>>();
  private readonly inFlight = new Map<number, { route: string; sentAt: number }>();
  private nextId = 0;

  constructor(private readonly timeoutMs: number) {}

  sent(route: string): number {
    const id = this.nextId++;
    this.inFlight.set(id, { route, sentAt: performance.now() });
    return id;
  }

  answered(id: number, status: number): void {
    const request = this.inFlight.get(id);
    if (!request) return;
    this.inFlight.delete(id);
    this.record(request.route, status, performance.now() - request.sentAt);
  }

  unanswered(id: number): void {
    const request = this.inFlight.get(id);
    if (!request) return;
    this.inFlight.delete(id);
    this.record(request.route, 0, this.timeoutMs);
  }

  /** After the run: requests older than the timeout got no answer; younger ones were cut off by the end and are dropped. */
  settle(): void {
    const now = performance.now();
    for (const [id, request] of this.inFlight) {
      if (now - request.sentAt >= this.timeoutMs) this.unanswered(id);
    }
    this.inFlight.clear();
  }

  private record(route: string, status: number, ms: number): void {
    const samples = this.latencies.get(route) ?? [];
    samples.push(ms);
    this.latencies.set(route, samples);
    const byStatus = this.statuses.get(route) ?? {};
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    this.statuses.set(route, byStatus);
  }
}

type Context = Record<string, unknown>;

/** Hands out actors round robin, so consecutive flows are different students (or teachers). */
function rotation<T>(items: readonly T[], offset = 0): () => T {
  let next = offset;
  return () => items[next++ % items.length];
}

const json = (actor: Actor, body: unknown) => ({
  headers: { authorization: `Bearer ${actor.token}`, 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const auth = (actor: Actor) => ({ headers: { authorization: `Bearer ${actor.token}` } });

/** Wraps a step: records its latency and status under `route`, and hands the parsed body on. */
function step(
  stats: RouteStats,
  route: string,
  setup: (context: Context) => Omit<AutocannonRequest, 'setupRequest' | 'onResponse'> | null,
  onAnswer?: (body: unknown, context: Context) => void,
): AutocannonRequest {
  return {
    setupRequest: (request, context) => {
      // The flow's previous request is still waiting: autocannon gave up on it (timeout, connection error).
      if (typeof context['requestId'] === 'number') stats.unanswered(context['requestId']);
      context['requestId'] = undefined;
      const built = setup(context);
      if (!built) return null;
      context['requestId'] = stats.sent(route);
      return { ...request, ...built };
    },
    onResponse: (status, body, context) => {
      stats.answered(context['requestId'] as number, status);
      context['requestId'] = undefined;
      if (status >= 200 && status < 300 && onAnswer) {
        try {
          onAnswer(JSON.parse(body), context);
        } catch {
          // an unparsable body leaves the context as it was: the next step ends the flow
        }
      }
    },
  };
}

/** Correct three times in four; the wrong answers are plausible ones. */
function answerFor(card: { mode: string; prompt: { options?: string[] } }, word: DictionaryWord | undefined): unknown {
  const correct = word !== undefined && Math.random() < 0.75;
  switch (card.mode) {
    case 'recall':
      return correct ? word.lemma : 'weet ik niet';
    case 'recognition': {
      const options = card.prompt.options ?? [];
      const right = word?.translations['en'];
      return correct && right ? right : (options.find((option) => option !== right) ?? options[0] ?? '');
    }
    case 'article':
      return correct && word.article ? word.article : word?.article === 'de' ? 'het' : 'de';
    case 'verb-forms':
      return correct && word.verb
        ? { pastSingular: word.verb.pastSingular, pastPlural: word.verb.pastPlural, participle: word.verb.participle }
        : { pastSingular: 'x', pastPlural: 'x', participle: 'x' };
    default:
      return '';
  }
}

/** A thematic session: the session's cards, then one answer per card (`sessionSize` cards, mode mixed). */
export function thematicSessionFlow(students: readonly Actor[], dictionary: Dictionary, stats: RouteStats, sessionSize = 10): AutocannonRequest[] {
  const nextStudent = rotation(students);
  const answer = (index: number) =>
    step(stats, 'POST /vocabulary/thematic/reviews', (context) => {
      const cards = context['cards'] as Array<{ wordId: string; mode: string; prompt: { options?: string[] } }> | undefined;
      const card = cards?.[index];
      if (!card) return null;
      const shownAt = (context['shownAt'] as number | undefined) ?? Date.now();
      context['shownAt'] = Date.now();
      return {
        method: 'POST',
        path: '/api/v1/vocabulary/thematic/reviews?lang=en',
        ...json(context['student'] as Actor, {
          reviewId: randomUUID(),
          wordId: card.wordId,
          mode: card.mode,
          answer: answerFor(card, dictionary.words.get(card.wordId)),
          answeredAt: new Date().toISOString(),
          durationMs: Math.max(0, Date.now() - shownAt),
        }),
      };
    });
  return [
    step(
      stats,
      'GET /vocabulary/topics/:id/session',
      (context) => {
        const student = nextStudent();
        context['student'] = student;
        const topic = dictionary.topicIds[Math.floor(Math.random() * dictionary.topicIds.length)];
        return { method: 'GET', path: `/api/v1/vocabulary/topics/${topic}/session?size=${sessionSize}&mode=mixed&lang=en`, ...auth(student) };
      },
      (body, context) => {
        context['cards'] = (body as { cards: unknown[] }).cards;
        context['shownAt'] = Date.now();
      },
    ),
    ...[...Array(sessionSize).keys()].map(answer),
  ];
}

const RATINGS = ['again', 'hard', 'good', 'good', 'good', 'easy'] as const;

/** Learning cards: today's queue and the figures (as the page loads them), then up to `reviews` ratings. */
export function learningReviewFlow(students: readonly Actor[], stats: RouteStats, reviews = 10): AutocannonRequest[] {
  // Offset: the thematic flow starts at the first student, this one half-way through the class list.
  const nextStudent = rotation(students, Math.floor(students.length / 2));
  const rate = (index: number) =>
    step(stats, 'POST /vocabulary/my-words/reviews', (context) => {
      const items = context['items'] as Array<{ userWordId: string }> | undefined;
      const card = items?.[index];
      if (!card) return null;
      const shownAt = (context['shownAt'] as number | undefined) ?? Date.now();
      context['shownAt'] = Date.now();
      return {
        method: 'POST',
        path: '/api/v1/vocabulary/my-words/reviews',
        ...json(context['student'] as Actor, {
          reviewId: randomUUID(),
          userWordId: card.userWordId,
          rating: RATINGS[Math.floor(Math.random() * RATINGS.length)],
          answeredAt: new Date().toISOString(),
          durationMs: Math.max(0, Date.now() - shownAt),
        }),
      };
    });
  return [
    step(
      stats,
      'GET /vocabulary/my-words/today',
      (context) => {
        const student = nextStudent();
        context['student'] = student;
        return { method: 'GET', path: `/api/v1/vocabulary/my-words/today?limit=${reviews}`, ...auth(student) };
      },
      (body, context) => {
        context['items'] = (body as { items: unknown[] }).items;
      },
    ),
    step(stats, 'GET /vocabulary/my-words/stats', (context) => ({ method: 'GET', path: '/api/v1/vocabulary/my-words/stats', ...auth(context['student'] as Actor) }), (_body, context) => {
      context['shownAt'] = Date.now();
    }),
    ...[...Array(reviews).keys()].map(rate),
  ];
}

/** A teacher refreshes the dashboard (their students, most recently active first) and opens one student's record. */
export function teacherDashboardFlow(teachers: readonly Actor[], stats: RouteStats, pageSize = 30): AutocannonRequest[] {
  const nextTeacher = rotation(teachers);
  return [
    step(
      stats,
      'GET /teacher/students',
      (context) => {
        const teacher = nextTeacher();
        context['teacher'] = teacher;
        return { method: 'GET', path: `/api/v1/teacher/students?pageSize=${pageSize}&sort=lastActive&order=desc`, ...auth(teacher) };
      },
      (body, context) => {
        context['students'] = (body as { items: Array<{ studentId: string }> }).items.map((item) => item.studentId);
      },
    ),
    step(stats, 'GET /teacher/students/:id/progress', (context) => {
      const students = context['students'] as string[] | undefined;
      if (!students?.length) return null;
      const student = students[Math.floor(Math.random() * students.length)];
      return { method: 'GET', path: `/api/v1/teacher/students/${student}/progress`, ...auth(context['teacher'] as Actor) };
    }),
  ];
}
