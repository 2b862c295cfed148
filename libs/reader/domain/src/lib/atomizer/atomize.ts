import { Lexicon, normalizeWord, type FormMatch, type LexiconEntry } from './lexicon';

export type TokenKind = 'word' | 'number' | 'punctuation' | 'space';

export interface Token {
  text: string;
  kind: TokenKind;
  /** The entry this word belongs to, when the lexicon knows it. */
  entryId?: string;
  lemma?: string;
  /** A word that belongs to the token before or after it (a separable verb, a fixed phrase): the same id on each. */
  groupId?: number;
}

export interface Sentence {
  tokens: Token[];
}

export interface Paragraph {
  sentences: Sentence[];
  /** A section's heading (a chapter title of an imported book). */
  heading?: boolean;
}

export interface AtomizedText {
  paragraphs: Paragraph[];
  /** Word tokens, numbers excluded. */
  wordCount: number;
}

/** Words after which a word that is also a noun is the noun (`de was`, `mijn fiets`). */
const DETERMINERS = new Set(['de', 'het', 'een', 'mijn', 'jouw', 'je', 'zijn', 'haar', 'ons', 'onze', 'jullie', 'hun', 'uw', 'deze', 'die', 'dit', 'dat', 'elke', 'ieder', 'iedere', 'geen']);
/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['bijv', 'bv', 'dhr', 'mevr', 'mw', 'nr', 'o.a', 'd.w.z', 'enz', 'etc', 'ca', 'blz', 'tel', 'st', 'z.s.m', 'm.b.t', 'i.p.v']);

const TOKEN = /([\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*)|(\s+)|([^\p{L}\p{N}\s])/gu;

/**
 * Splits a text into paragraphs (an empty line between them), sentences and tokens, and matches
 * each word to the lexicon: inflected forms (plurals, diminutives, adjective endings, verb forms),
 * separable verbs whose prefix stands at the end of the clause (`Hij belt zijn moeder op.`), and
 * multi-word entries. Joining every token's text gives the paragraph back.
 */
export function atomize(body: string, lexicon: Lexicon): AtomizedText {
  let wordCount = 0;
  let nextGroup = 1;
  const paragraphs = body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .map((paragraph) => ({
      sentences: splitSentences(tokenize(paragraph)).map((tokens) => {
        nextGroup = matchSentence(tokens, lexicon, nextGroup);
        wordCount += tokens.filter((token) => token.kind === 'word').length;
        return { tokens };
      }),
    }));
  return { paragraphs, wordCount };
}

function tokenize(paragraph: string): Token[] {
  const tokens: Token[] = [];
  for (const match of paragraph.matchAll(TOKEN)) {
    if (match[1] !== undefined) {
      // A trailing abbreviation dot stays with the word only for known abbreviations (handled below).
      tokens.push({ text: match[1], kind: /^[\p{N}.,'’-]+$/u.test(match[1]) ? 'number' : 'word' });
    } else if (match[2] !== undefined) tokens.push({ text: match[2], kind: 'space' });
    else tokens.push({ text: match[3] as string, kind: 'punctuation' });
  }
  return tokens;
}

/** Sentences end after `.`, `!`, `?` or `…` (and closing quotes or brackets), unless the full stop ends an abbreviation. */
function splitSentences(tokens: Token[]): Token[][] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    current.push(token);
    if (token.kind !== 'punctuation' || !/[.!?…]/.test(token.text)) continue;
    const previous = current.at(-2);
    if (token.text === '.' && previous?.kind === 'word' && ABBREVIATIONS.has(normalizeWord(previous.text))) continue;
    while (index + 1 < tokens.length && tokens[index + 1].kind === 'punctuation' && /["”’)\]»!?.…]/.test(tokens[index + 1].text)) current.push(tokens[++index]);
    // Spaces after the end belong to the sentence they follow.
    while (index + 1 < tokens.length && tokens[index + 1].kind === 'space') current.push(tokens[++index]);
    sentences.push(current);
    current = [];
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}

/** Matches a sentence's words; returns the next free group id. */
function matchSentence(tokens: Token[], lexicon: Lexicon, firstGroup: number): number {
  let group = firstGroup;
  const words = tokens.map((token, index) => ({ token, index })).filter(({ token }) => token.kind === 'word');
  // Fixed phrases first: their words are taken as one.
  for (let at = 0; at < words.length; at++) {
    for (const phrase of lexicon.phrasesStartingWith(words[at].token.text)) {
      const span = words.slice(at, at + phrase.words.length);
      if (span.length === phrase.words.length && span.every(({ token }, offset) => normalizeWord(token.text) === phrase.words[offset])) {
        for (const { token } of span) assign(token, phrase.entry, group);
        group++;
        at += phrase.words.length - 1;
        break;
      }
    }
  }
  // A separable verb's prefix at the end of the clause (before a comma or the sentence's end).
  const clauseEnds = new Set<number>();
  for (let position = 0; position < words.length; position++) {
    const next = tokens.slice(words[position].index + 1).find((token) => token.kind !== 'space');
    if (!next || (next.kind === 'punctuation' && /[,.;:!?…)"”]/.test(next.text))) clauseEnds.add(position);
  }
  words.forEach(({ token }, position) => {
    if (token.entryId) return;
    const matches = lexicon.lookup(token.text);
    if (matches.length === 0) return;
    const separable = matches.find((match) => match.kind === 'separable-part');
    if (separable?.separablePrefix) {
      const prefix = separable.separablePrefix;
      const end = words.findIndex((candidate, later) => later > position && clauseEnds.has(later) && normalizeWord(candidate.token.text) === prefix);
      if (end > position && !words[end].token.entryId) {
        assign(token, separable.entry, group);
        assign(words[end].token, separable.entry, group);
        group++;
        return;
      }
    }
    const previous = words[position - 1]?.token;
    const chosen = choose(
      matches.filter((match) => match.kind !== 'separable-part'),
      previous ? normalizeWord(previous.text) : null,
    );
    if (chosen) assign(token, chosen.entry);
  });
  return group;
}

/** After a determiner the noun reading wins; otherwise a verb form of a verb beats a noun of the same spelling (`was`, `eten`). */
function choose(matches: FormMatch[], previous: string | null): FormMatch | undefined {
  if (matches.length <= 1) return matches[0];
  if (previous && DETERMINERS.has(previous)) return matches.find((match) => match.entry.pos === 'noun') ?? matches[0];
  return matches.find((match) => match.kind === 'verb-form') ?? matches[0];
}

function assign(token: Token, entry: LexiconEntry, groupId?: number): void {
  token.entryId = entry.id;
  token.lemma = entry.lemma;
  if (groupId !== undefined) token.groupId = groupId;
}

/** A part of a text with its own heading: a chapter of an imported book, or the whole of a short text. */
export interface TextSection {
  title: string | null;
  body: string;
}

/**
 * Atomizes a text of sections: each heading becomes a paragraph marked `heading`, followed by the
 * section's paragraphs. Group ids stay unique across the whole text.
 */
export function atomizeSections(sections: readonly TextSection[], lexicon: Lexicon): AtomizedText {
  const paragraphs: Paragraph[] = [];
  let wordCount = 0;
  let groupOffset = 0;
  const append = (part: AtomizedText, heading: boolean) => {
    let highest = 0;
    for (const paragraph of part.paragraphs) {
      for (const sentence of paragraph.sentences) {
        for (const token of sentence.tokens) {
          if (token.groupId === undefined) continue;
          highest = Math.max(highest, token.groupId);
          token.groupId += groupOffset;
        }
      }
      paragraphs.push(heading ? { ...paragraph, heading: true } : paragraph);
    }
    groupOffset += highest;
    wordCount += part.wordCount;
  };
  for (const section of sections) {
    if (section.title && section.title.trim()) append(atomize(section.title.replace(/\s+/g, ' '), lexicon), true);
    append(atomize(section.body, lexicon), false);
  }
  return { paragraphs, wordCount };
}
