import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { atomize, Lexicon, readingStats, type LexiconEntry, type Token } from '@tall/reader/domain';
import { readSeedTexts } from './seed-texts';

// The atomizer on the seed library with the real dictionary: what a student will see coloured.
const DICTIONARY_TOPICS_DIR = join(__dirname, '../../../../../vocabulary/infrastructure/src/assets/seed/topics');
const LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1'];

function dictionaryEntries(): LexiconEntry[] {
  return readdirSync(DICTIONARY_TOPICS_DIR).flatMap((name) => {
    const topic = JSON.parse(readFileSync(join(DICTIONARY_TOPICS_DIR, name), 'utf8')) as {
      slug: string;
      level: string;
      words: Array<{ lemma: string; pos: string; plural?: string | null; verb?: LexiconEntry['verb'] }>;
    };
    return topic.words.map((word, index) => ({ id: `${topic.slug}:${index}`, lemma: word.lemma, pos: word.pos, level: topic.level, plural: word.plural ?? null, verb: word.verb ?? null }));
  });
}

describe('the seed library, atomized with the dictionary', () => {
  const entries = dictionaryEntries();
  const lexicon = new Lexicon(entries);
  const levels = new Map(entries.map((entry) => [entry.id, entry.level]));
  const atomized = readSeedTexts().map(({ file, text }) => ({ file, text, atomized: atomize(text.body, lexicon) }));
  const wordsOf = (tokens: Token[]) => tokens.filter((token) => token.kind === 'word');

  it('keeps every character of every paragraph', () => {
    for (const { file, text, atomized: result } of atomized) {
      const paragraphs = text.body.split(/\n\s*\n/).map((paragraph) => paragraph.trim());
      const rejoined = result.paragraphs.map((paragraph) => paragraph.sentences.map((sentence) => sentence.tokens.map((token) => token.text).join('')).join(''));
      expect({ file, paragraphs: rejoined }).toEqual({ file, paragraphs });
    }
  });

  it('recognises at least three words in four, with the closed classes', () => {
    const tokens = atomized.flatMap(({ atomized: result }) => wordsOf(result.paragraphs.flatMap((paragraph) => paragraph.sentences.flatMap((sentence) => sentence.tokens))));
    const recognised = tokens.filter((token) => token.entryId).length / tokens.length;
    expect(recognised).toBeGreaterThanOrEqual(0.75);
  });

  it('places every text at its level or one above', () => {
    const misplaced = atomized
      .map(({ file, text, atomized: result }) => ({ file, declared: text.level, estimated: readingStats(result, () => 'new', (id) => levels.get(id)).estimatedLevel }))
      .filter(({ declared, estimated }) => estimated === null || LEVELS.indexOf(estimated) > LEVELS.indexOf(declared) + 1);
    expect(misplaced).toEqual([]);
  });

  it('joins the separable verbs the texts split', () => {
    const joined = atomized.flatMap(({ atomized: result }) => result.paragraphs.flatMap((paragraph) => paragraph.sentences.flatMap((sentence) => wordsOf(sentence.tokens).filter((token) => token.groupId))));
    // "staat … op", "maak … schoon", "legde … uit" and the like, across the library.
    expect(new Set(joined.map((token) => token.lemma)).size).toBeGreaterThanOrEqual(5);
  });
});
