import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { ReaderGloss, ReaderParagraph, ReaderToken, ReadingPosition, TextStats, TextSummary } from '@tall/reader/contracts';
import { atomizeSections, normalizeWord, readingStats, type AtomizedText, type Token, type WordState } from '@tall/reader/domain';
import type { LexiconWord } from '@tall/vocabulary/contracts';
import { LEXICON_SOURCE, type LexiconSource, type ReaderLexicon, type ReaderUserWords } from '../ports/lexicon-source.port';
import type { ReadingProgress } from '../ports/reading-store.port';
import type { ReaderLevel, StoredText } from '../ports/text-stores.port';

/** How many words of atomized texts stay in memory (a 5,000-word text is about 1 MB of tokens). */
const CACHED_WORDS = 2_000_000;
const LEVELS = new Set(['A1', 'A2', 'B1', 'B2', 'C1']);

export interface Atomization {
  atomized: AtomizedText;
  dictionary: ReaderLexicon;
}

/** What a token is to one student: the key its state is kept under, and the words it belongs to. */
interface ResolvedWord {
  key: string;
  lemma?: string;
  wordId?: string;
  userWordId?: string;
}

/**
 * Texts as a student sees them. The atomization of a text is cached per text version and
 * dictionary version (it is the same for everyone); the student's own words and word states are
 * applied per request.
 */
@Injectable()
export class TextViews {
  private readonly cache = new LRUCache<string, AtomizedText>({ maxSize: CACHED_WORDS, sizeCalculation: (text) => Math.max(1, text.wordCount) });

  constructor(@Inject(LEXICON_SOURCE) private readonly lexicons: LexiconSource) {}

  async atomization(text: StoredText): Promise<Atomization> {
    const dictionary = await this.lexicons.dictionary();
    const cacheKey = `${text.id}:${text.version}:${dictionary.version}`;
    let atomized = this.cache.get(cacheKey);
    if (!atomized) {
      atomized = atomizeSections(text.sections, dictionary.lexicon);
      this.cache.set(cacheKey, atomized);
    }
    return { atomized, dictionary };
  }

  async dictionaryWord(wordId: string): Promise<LexiconWord | null> {
    return (await this.lexicons.dictionary()).words.get(wordId) ?? null;
  }

  /** The state key of a word a client names by its dictionary form: the dictionary's entry when it has that lemma, else the word itself. */
  async keyOfLemma(lemma: string): Promise<{ key: string; word: LexiconWord | null }> {
    const dictionary = await this.lexicons.dictionary();
    const normalized = normalizeWord(lemma);
    const match = dictionary.lexicon.lookup(normalized).find((candidate) => candidate.kind === 'lemma' && normalizeWord(candidate.entry.lemma) === normalized);
    if (match) return { key: match.entry.id, word: dictionary.words.get(match.entry.id) ?? null };
    return { key: `word:${normalized}`, word: null };
  }

  /** Every state key of a text's words, for reading only the states that matter. */
  async keysOf(userId: string, atomization: Atomization): Promise<string[]> {
    const own = await this.lexicons.userWords(userId);
    const keys = new Set<string>();
    forEachWord(atomization.atomized, (token) => keys.add(resolve(token, own).key));
    return [...keys];
  }

  async summary(text: StoredText, userId: string, states: ReadonlyMap<string, WordState>, progress: ReadingProgress | undefined): Promise<TextSummary> {
    const atomization = await this.atomization(text);
    const own = await this.lexicons.userWords(userId);
    const stats = statsOf(atomization, own, states);
    return summaryOf(text, atomization.atomized, stats, progress);
  }

  /** The whole text for one student: tokens with their states, the statistics, and a gloss of every recognised word. */
  async view(
    text: StoredText,
    userId: string,
    language: string,
    states: ReadonlyMap<string, WordState>,
    progress: ReadingProgress | undefined,
  ): Promise<TextSummary & { paragraphs: ReaderParagraph[]; stats: TextStats; glosses: Record<string, ReaderGloss> }> {
    const atomization = await this.atomization(text);
    const own = await this.lexicons.userWords(userId);
    const glosses: Record<string, ReaderGloss> = {};
    const resolved = new Map<Token, ResolvedWord>();
    const paragraphs = atomization.atomized.paragraphs.map(
      (paragraph): ReaderParagraph => ({
        ...(paragraph.heading ? { heading: true } : {}),
        sentences: paragraph.sentences.map((sentence) => ({
          tokens: sentence.tokens.map((token): ReaderToken => {
            if (token.kind !== 'word') return { text: token.text, kind: token.kind };
            const word = resolve(token, own);
            resolved.set(token, word);
            const glossKey = word.wordId ?? (word.userWordId ? `own:${word.userWordId}` : undefined);
            if (glossKey && !glosses[glossKey]) glosses[glossKey] = glossOf(word, atomization.dictionary, own, language);
            return {
              text: token.text,
              kind: token.kind,
              ...(word.lemma ? { lemma: word.lemma } : {}),
              ...(word.wordId ? { wordId: word.wordId } : {}),
              ...(word.userWordId ? { userWordId: word.userWordId } : {}),
              ...(token.groupId !== undefined ? { group: token.groupId } : {}),
              state: stateOf(word, states),
            };
          }),
        })),
      }),
    );
    const stats = statsOf(atomization, own, states, resolved);
    return { ...summaryOf(text, atomization.atomized, stats, progress), paragraphs, stats, glosses };
  }
}

function forEachWord(text: AtomizedText, visit: (token: Token) => void): void {
  for (const paragraph of text.paragraphs) for (const sentence of paragraph.sentences) for (const token of sentence.tokens) if (token.kind === 'word') visit(token);
}

/**
 * A dictionary word keeps its entry's key; a closed-class word (`function:de`) too, without a
 * dictionary id. A word the dictionary does not know may be one of the student's own words (in
 * any of its forms); its state is kept under the word's own form.
 */
function resolve(token: Token, own: ReaderUserWords): ResolvedWord {
  if (token.entryId) {
    const wordId = token.entryId.startsWith('function:') ? undefined : token.entryId;
    const userWord = wordId ? own.byWordId.get(wordId) : undefined;
    return { key: token.entryId, lemma: token.lemma, wordId, userWordId: userWord?.userWordId };
  }
  const match = own.lexicon.lookup(token.text)[0];
  if (match) return { key: `word:${normalizeWord(match.entry.lemma)}`, lemma: match.entry.lemma, userWordId: match.entry.id };
  return { key: `word:${normalizeWord(token.text)}` };
}

/** A state the student chose wins; a word among their learning cards is being learned; any other word is new. */
function stateOf(word: ResolvedWord, states: ReadonlyMap<string, WordState>): WordState {
  return states.get(word.key) ?? (word.userWordId ? 'learning' : 'new');
}

/** `resolved`: the tokens already resolved for this student (the view resolves each once). */
function statsOf(atomization: Atomization, own: ReaderUserWords, states: ReadonlyMap<string, WordState>, resolved = new Map<Token, ResolvedWord>()): TextStats {
  const wordOf = (token: Token) => {
    let word = resolved.get(token);
    if (!word) resolved.set(token, (word = resolve(token, own)));
    return word;
  };
  const keyed = new Map<string, WordState>();
  forEachWord(atomization.atomized, (token) => {
    const word = wordOf(token);
    keyed.set(word.key, stateOf(word, states));
  });
  const stats = readingStats(
    atomization.atomized,
    (key) => keyed.get(key) ?? 'new',
    (entryId) => atomization.dictionary.words.get(entryId)?.level ?? (entryId.startsWith('function:') ? 'A1' : null),
    (token) => wordOf(token).key,
  );
  return { ...stats, estimatedLevel: levelOrNull(stats.estimatedLevel) };
}

function glossOf(word: ResolvedWord, dictionary: ReaderLexicon, own: ReaderUserWords, language: string): ReaderGloss {
  const entry = word.wordId ? dictionary.words.get(word.wordId) : undefined;
  const userWord = word.userWordId ? own.byId.get(word.userWordId) : undefined;
  if (entry) {
    const translated = entry.translations[language];
    return {
      lemma: entry.lemma,
      wordId: entry.id,
      userWordId: userWord?.userWordId ?? null,
      pos: entry.pos,
      article: entry.article,
      plural: entry.plural,
      verbForms: entry.verb
        ? {
            presentThirdSingular: entry.verb.presentThirdSingular,
            pastSingular: entry.verb.pastSingular,
            pastPlural: entry.verb.pastPlural,
            participle: entry.verb.participle,
            separablePrefix: entry.verb.separablePrefix,
          }
        : null,
      translation: translated ?? entry.translations['en'] ?? null,
      translationLanguage: translated ? language : entry.translations['en'] ? 'en' : null,
      level: entry.level,
    };
  }
  return {
    lemma: userWord?.lemma ?? word.lemma ?? '',
    wordId: null,
    userWordId: userWord?.userWordId ?? null,
    pos: null,
    article: userWord?.article ?? null,
    plural: null,
    verbForms: null,
    translation: userWord?.translation ?? null,
    // An own word's translation is in whatever language the student wrote it.
    translationLanguage: null,
    level: null,
  };
}

function summaryOf(text: StoredText, atomized: AtomizedText, stats: TextStats, progress: ReadingProgress | undefined): TextSummary {
  return {
    id: text.id,
    title: text.title,
    level: text.level,
    topic: text.topic,
    source: text.source,
    wordCount: atomized.wordCount,
    knownPercent: stats.knownPercent,
    hasTest: text.test !== null && text.test.questions.length > 0,
    estimatedLevel: stats.estimatedLevel,
    credit: text.credit,
    position: progress ? positionOf(progress) : null,
    createdAt: text.createdAt.toISOString(),
  };
}

export function positionOf(progress: ReadingProgress): ReadingPosition {
  return {
    paragraph: progress.paragraph,
    sentence: progress.sentence,
    readingSeconds: progress.readingSeconds,
    finished: progress.finished,
    updatedAt: progress.updatedAt.toISOString(),
  };
}

function levelOrNull(level: string | null): ReaderLevel | null {
  return level && LEVELS.has(level) ? (level as ReaderLevel) : null;
}
