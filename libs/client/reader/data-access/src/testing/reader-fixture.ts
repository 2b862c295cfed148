// Texts and tests for the reader's unit and component specs; the app never imports this entry point.
import type { ReaderParagraph, ReaderTest, ReaderText, ReaderToken, TextSummary } from '../lib/reader-types';

export const word = (text: string, extra: Partial<ReaderToken> = {}): ReaderToken => ({ text, kind: 'word', ...extra });
export const space: ReaderToken = { text: ' ', kind: 'space' };
export const stop: ReaderToken = { text: '.', kind: 'punctuation' };

/** "Ik bel mijn moeder op. Zij woont in Utrecht." — `bel … op` is one separable verb. */
export function paragraphs(): ReaderParagraph[] {
  return [
    { heading: true, sentences: [{ tokens: [word('Bellen', { wordId: 'w-bellen', lemma: 'bellen', state: 'known' })] }] },
    {
      sentences: [
        {
          tokens: [
            word('Ik', { wordId: 'w-ik', lemma: 'ik', state: 'known' }),
            space,
            word('bel', { wordId: 'w-opbellen', lemma: 'opbellen', group: 1 }),
            space,
            word('mijn', { wordId: 'w-mijn', lemma: 'mijn', state: 'known' }),
            space,
            word('moeder', { wordId: 'w-moeder', lemma: 'moeder', state: 'learning' }),
            space,
            word('op', { wordId: 'w-opbellen', lemma: 'opbellen', group: 1 }),
            stop,
          ],
        },
        {
          tokens: [
            space,
            word('Zij', { lemma: 'zij', state: 'ignored' }),
            space,
            word('woont', { userWordId: 'u-wonen', lemma: 'wonen' }),
            space,
            word('in', { wordId: 'w-in', lemma: 'in', state: 'known' }),
            space,
            word('Utrecht'),
            stop,
          ],
        },
      ],
    },
  ];
}

export function readerText(overrides: Partial<ReaderText> = {}): ReaderText {
  return {
    id: 'text-1',
    title: 'Bellen',
    level: 'A1',
    topic: 'family',
    source: 'library',
    wordCount: 10,
    knownPercent: 50,
    hasTest: true,
    estimatedLevel: 'A1',
    credit: 'Written for Tall',
    position: null,
    createdAt: '2026-01-05T10:00:00.000Z',
    language: 'nl',
    version: 1,
    paragraphs: paragraphs(),
    stats: { tokens: 10, known: 5, knownPercent: 50, newWords: 3, estimatedLevel: 'A1' },
    glosses: {
      'w-opbellen': {
        lemma: 'opbellen',
        wordId: 'w-opbellen',
        userWordId: null,
        pos: 'verb',
        article: null,
        plural: null,
        verbForms: { presentThirdSingular: 'belt op', pastSingular: 'belde op', pastPlural: 'belden op', participle: 'opgebeld', separablePrefix: 'op' },
        translation: 'to call (on the phone)',
        translationLanguage: 'en',
        level: 'A1',
      },
      'w-moeder': {
        lemma: 'moeder',
        wordId: 'w-moeder',
        userWordId: null,
        pos: 'noun',
        article: 'de',
        plural: 'moeders',
        verbForms: null,
        translation: 'mother',
        translationLanguage: 'en',
        level: 'A1',
      },
      'own:u-wonen': {
        lemma: 'wonen',
        wordId: null,
        userWordId: 'u-wonen',
        pos: null,
        article: null,
        plural: null,
        verbForms: null,
        translation: 'to live',
        translationLanguage: 'en',
        level: null,
      },
    },
    ...overrides,
  };
}

export function textSummary(id: string, overrides: Partial<TextSummary> = {}): TextSummary {
  const { paragraphs: _paragraphs, stats: _stats, glosses: _glosses, language: _language, version: _version, ...summary } = readerText({ id, title: `Text ${id}` });
  return { ...summary, ...overrides };
}

export function readerTest(overrides: Partial<ReaderTest> = {}): ReaderTest {
  return {
    textId: 'text-1',
    title: 'Bellen',
    questions: [
      { id: 'q1', type: 'multipleChoice', prompt: 'Wie belt hij?', options: ['Zijn vader', 'Zijn moeder', 'Zijn zus'] },
      { id: 'q2', type: 'trueFalse', statement: 'Zij woont in Amsterdam.' },
      { id: 'q3', type: 'shortAnswer', prompt: 'Waar woont zij?' },
      { id: 'q4', type: 'order', prompt: 'Zet in de goede volgorde.', items: ['ophangen', 'bellen', 'praten'] },
    ],
    attempts: [{ id: '7d1c0a4e-0000-4000-8000-000000000001', score: 1, maxScore: 4, at: '2026-01-04T10:00:00.000Z' }],
    ...overrides,
  };
}
