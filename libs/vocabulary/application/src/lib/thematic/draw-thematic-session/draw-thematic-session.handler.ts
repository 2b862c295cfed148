import { randomInt } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ThematicCard, ThematicMode, ThematicSession } from '@tall/vocabulary/contracts';
import { applicableModes, normalizeAnswer, translationOf, vocabularyErrors, type DictionaryWord } from '@tall/vocabulary/domain';
import { DICTIONARY_STORE, type DictionaryStore } from '../../dictionary/dictionary-store.port';
import { THEMATIC_SETTINGS, VOCABULARY_CLOCK, type ThematicClock, type ThematicSettings } from '../thematic-settings';
import { THEMATIC_STORE, type CardSummary, type ThematicStore } from '../thematic-store.port';
import { DrawThematicSessionQuery } from './draw-thematic-session.query';

const OPTIONS = 4;
/** Words of other topics looked at for distractors when the topic has too few of its own. */
const OUTSIDE_POOL = 200;

/**
 * Draws a session of one topic: the student's due words first (lowest box, then longest
 * overdue), then words they have not seen, in the topic's order, up to the size. With a fixed
 * mode only words that mode applies to are drawn (a de/het session has only nouns); `mixed`
 * picks per card (see `mixedMode`). Cards carry prompts, never the expected answer.
 */
@QueryHandler(DrawThematicSessionQuery)
export class DrawThematicSessionHandler implements IQueryHandler<DrawThematicSessionQuery> {
  constructor(
    @Inject(THEMATIC_STORE) private readonly store: ThematicStore,
    @Inject(DICTIONARY_STORE) private readonly dictionary: DictionaryStore,
    @Inject(THEMATIC_SETTINGS) private readonly settings: ThematicSettings,
    @Inject(VOCABULARY_CLOCK) private readonly clock: ThematicClock,
  ) {}

  async execute({ userId, topicId, options }: DrawThematicSessionQuery): Promise<ThematicSession> {
    const topic = await this.dictionary.topic(topicId);
    if (!topic) throw vocabularyErrors.topicNotFound();
    const size = options.size ?? this.settings.sessionSize;
    const now = this.clock().getTime();
    const [words, cards] = await Promise.all([this.dictionary.wordsOf(topicId), this.store.cardSummaries(userId, topicId)]);
    const cardOf = new Map(cards.map((card) => [card.wordId, card]));
    const eligible = options.mode === 'mixed' ? words : words.filter((word) => applicableModes(word).includes(options.mode as ThematicMode));

    const due = eligible
      .filter((word) => (cardOf.get(word.id)?.dueAt.getTime() ?? Infinity) <= now)
      .sort((a, b) => {
        const [x, y] = [cardOf.get(a.id) as CardSummary, cardOf.get(b.id) as CardSummary];
        return x.box - y.box || x.dueAt.getTime() - y.dueAt.getTime();
      })
      .slice(0, size);
    const fresh = eligible.filter((word) => !cardOf.has(word.id)).slice(0, size - due.length);

    const drawn = [...due, ...fresh];
    const distractors = await this.distractorPool(topicId, words, drawn);
    const cardsOut = drawn.map((word) => {
      const card = cardOf.get(word.id) ?? null;
      const mode = options.mode === 'mixed' ? mixedMode(word, card) : options.mode;
      return this.card(word, card, mode, options.lang, distractors);
    });
    return { topicId, mode: options.mode, lang: options.lang, cards: cardsOut, due: due.length, new: fresh.length };
  }

  private card(word: DictionaryWord, card: CardSummary | null, mode: ThematicMode, lang: string, pool: readonly DictionaryWord[]): ThematicCard {
    const base = { wordId: word.id, box: card?.box ?? 0, pos: word.pos };
    const translation = translationOf(word, lang);
    switch (mode) {
      case 'recognition':
        return { ...base, mode, prompt: { lemma: word.lemma, article: word.article, options: shuffle([translation, ...pickDistractors(word, pool, lang)]) } };
      case 'recall':
        return { ...base, mode, prompt: { translation } };
      case 'article':
        return { ...base, mode, prompt: { lemma: word.lemma, translation, options: ['de', 'het'] } };
      case 'verb-forms':
        return { ...base, mode, prompt: { infinitive: word.lemma, translation } };
    }
  }

  /** The topic's own words first (same part of speech is the hardest to tell apart), other topics' when the topic is small. */
  private async distractorPool(topicId: string, words: readonly DictionaryWord[], drawn: readonly DictionaryWord[]): Promise<DictionaryWord[]> {
    if (drawn.length === 0) return [];
    if (words.length > OPTIONS * 2) return [...words];
    return [...words, ...(await this.dictionary.wordsOutside(topicId, OUTSIDE_POOL))];
  }
}

/**
 * `mixed` sessions: a word met for the first time, or back in box 1, is recognised (the easiest
 * step); in box 2 it is recalled; from box 3 on the card cycles through the harder drills the
 * word allows — recall, de/het for nouns, the verb forms for irregular verbs — one per review.
 */
export function mixedMode(word: DictionaryWord, card: Pick<CardSummary, 'box' | 'reviews'> | null): ThematicMode {
  if (!card || card.box <= 1) return 'recognition';
  if (card.box === 2) return 'recall';
  const harder = applicableModes(word).filter((mode) => mode !== 'recognition');
  return harder[card.reviews % harder.length];
}

/**
 * Three other translations in the same language, none equal to any translation of the word
 * (so the right option is the only one that matches), all different; same part of speech first.
 */
function pickDistractors(word: DictionaryWord, pool: readonly DictionaryWord[], lang: string): string[] {
  const forbidden = new Set(Object.values(word.translations).map(normalizeAnswer));
  const picked: string[] = [];
  const candidates = shuffle(pool.filter((other) => other.id !== word.id));
  const ordered = [...candidates.filter((other) => other.pos === word.pos), ...candidates.filter((other) => other.pos !== word.pos)];
  for (const other of ordered) {
    const text = translationOf(other, lang);
    const key = normalizeAnswer(text);
    if (!key || forbidden.has(key)) continue;
    forbidden.add(key);
    picked.push(text);
    if (picked.length === OPTIONS - 1) break;
  }
  return picked;
}

/** Fisher–Yates with a CSPRNG: the position of the right option tells nothing. */
function shuffle<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = randomInt(index + 1);
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}
