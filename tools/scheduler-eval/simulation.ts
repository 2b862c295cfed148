/**
 * A simulated classroom for comparing spaced-repetition schedulers. Every learner forgets each
 * word along a known curve — the ground truth the schedulers do not see — so the evaluation can
 * say how much practice each scheduler spends per word still remembered after 30 days, and how
 * well each scheduler's own recall prediction matches the truth.
 *
 * Ground truth (a half-life model with a spacing effect, deliberately not FSRS's own formula):
 *   recall probability after Δ days: p = 2^(−Δ / h)
 *   first study of a word: h = h0 · ease   (h0 per learner, from a range; ease per word, 0.7–1.3)
 *   remembered at a review: h ← h · (1 + 4 · ease · (1 − p)^0.8)   (harder-won recall grows memory more; massed
 *   repetition while p ≈ 1 adds almost nothing)
 *   forgotten: h ← max(0.5, 0.5 · h)
 */

export interface Outcome {
  correct: boolean;
  /** The learner's felt difficulty, for schedulers that take a four-point rating. */
  grade: 'again' | 'hard' | 'good' | 'easy';
}

/** One scheduler's state for one (learner, word). Opaque to the simulation. */
export interface SchedulerCard {
  /** Day (fractional) the card is due next. */
  due: number;
}

export interface Scheduler<C extends SchedulerCard = SchedulerCard> {
  readonly name: string;
  /** The card after the first study of a new word at `now` (days). */
  introduce(now: number, outcome: Outcome): C;
  /** The card after a review at `now` with the given outcome. */
  review(card: C, now: number, outcome: Outcome): C;
  /** The scheduler's own estimate of recall probability at `now`. */
  predict(card: C, now: number): number;
}

export interface SimulationOptions {
  learners: number;
  /** New words introduced per day, for `introductionDays` days. */
  newPerDay: number;
  introductionDays: number;
  /** Retention is measured this many days after the start. */
  horizonDays: number;
  /** Range of the half-life (days) a learner gives a newly studied word of average ease. */
  halfLifeDays: [number, number];
  seed: number;
}

export interface SimulationResult {
  scheduler: string;
  words: number;
  reviews: number;
  /** Expected number of words recalled at the horizon (sum of true recall probabilities). */
  retained: number;
  retention: number;
  reviewsPerRetainedWord: number;
  /** Root mean square error of the scheduler's prediction against the true probability, at every review. */
  rmse: number;
}

/** Mulberry32: a small seeded generator, so runs are repeatable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Memory {
  halfLife: number;
  lastSeen: number;
  ease: number;
}

export const trueRecall = (memory: Memory, now: number): number => Math.pow(2, -(now - memory.lastSeen) / memory.halfLife);

function reinforce(memory: Memory, now: number, remembered: boolean, p: number): void {
  memory.halfLife = remembered ? memory.halfLife * (1 + 4 * memory.ease * Math.pow(1 - p, 0.8)) : Math.max(0.5, 0.5 * memory.halfLife);
  memory.lastSeen = now;
}

/**
 * How the simulated learner rates a four-point card: a slip is "again", a recall that was a
 * coin toss "hard", anything else "good". Nobody presses "easy": real learners rarely do, and
 * an "easy" on a word seen minutes ago would flatter the four-point schedulers.
 */
function gradeOf(correct: boolean, p: number): Outcome['grade'] {
  if (!correct) return 'again';
  return p < 0.5 ? 'hard' : 'good';
}

/** Minutes of a study session, and the time one review takes. */
const SESSION_DAYS = 1 / 24;
const REVIEW_DAYS = 15 / 86_400;

export function simulate<C extends SchedulerCard>(scheduler: Scheduler<C>, options: SimulationOptions): SimulationResult {
  const random = seededRandom(options.seed);
  let reviews = 0;
  let retained = 0;
  let words = 0;
  let squaredError = 0;
  let predictions = 0;

  for (let learner = 0; learner < options.learners; learner++) {
    // Learners differ: some hold a newly studied word twice or three times as long as others.
    const [shortest, longest] = options.halfLifeDays;
    const learnerHalfLife = shortest + random() * (longest - shortest);
    const cards: { card: C; memory: Memory }[] = [];
    for (let day = 0; day < options.horizonDays; day++) {
      let now = day + 0.75; // one evening session a day
      const sessionEnd = now + SESSION_DAYS;
      if (day < options.introductionDays) {
        for (let n = 0; n < options.newPerDay; n++) {
          const memory: Memory = { halfLife: 0, lastSeen: now, ease: 0.7 + random() * 0.6 };
          memory.halfLife = learnerHalfLife * memory.ease;
          // The first study shows the answer: the word is seen, not recalled.
          const card = scheduler.introduce(now, { correct: true, grade: 'good' });
          cards.push({ card, memory });
          words++;
          now += REVIEW_DAYS;
        }
      }
      // Review every due card; cards due again within the session (learning steps) come back.
      for (;;) {
        const due = cards.filter((entry) => entry.card.due <= now);
        if (due.length === 0) {
          const next = Math.min(...cards.map((entry) => entry.card.due));
          if (!Number.isFinite(next) || next > sessionEnd) break;
          now = next;
          continue;
        }
        for (const entry of due) {
          const p = trueRecall(entry.memory, now);
          const predicted = scheduler.predict(entry.card, now);
          squaredError += (predicted - p) ** 2;
          predictions++;
          const correct = random() < p;
          entry.card = scheduler.review(entry.card, now, { correct, grade: gradeOf(correct, p) });
          reinforce(entry.memory, now, correct, p);
          reviews++;
          now += REVIEW_DAYS;
        }
      }
    }
    const horizon = options.horizonDays + 0.75;
    for (const entry of cards) retained += trueRecall(entry.memory, horizon);
  }
  return {
    scheduler: scheduler.name,
    words,
    reviews,
    retained: round(retained, 1),
    retention: round(retained / words, 3),
    reviewsPerRetainedWord: round(reviews / retained, 2),
    rmse: round(Math.sqrt(squaredError / Math.max(1, predictions)), 3),
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * How schedulers without a memory model (Leitner boxes, SM-2) are read as predictors: each
 * interval is taken to aim at `target` recall when it ends, with exponential forgetting, so
 * p(t) = target^(elapsed / interval). This is the usual reading in scheduler comparisons.
 */
export function intervalPrediction(elapsedDays: number, intervalDays: number, target = 0.9): number {
  if (intervalDays <= 0) return target;
  return Math.pow(target, Math.max(0, elapsedDays) / intervalDays);
}
