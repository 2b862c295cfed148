import { atomize, atomizeSections, type AtomizedText, type Token } from './atomize';
import { diminutivesOf, inflectedAdjectivesOf, Lexicon, stemOf, type LexiconEntry } from './lexicon';
import { readingStats, stateKey, type WordState } from './reading-stats';

const verb = (id: string, lemma: string, forms: [string, string, string, string], separablePrefix: string | null = null, level = 'A1'): LexiconEntry => ({
  id,
  lemma,
  pos: 'verb',
  level,
  verb: { presentThirdSingular: forms[0], pastSingular: forms[1], pastPlural: forms[2], participle: forms[3], separablePrefix },
});
const noun = (id: string, lemma: string, plural: string, level = 'A1'): LexiconEntry => ({ id, lemma, pos: 'noun', plural, level });

const ENTRIES: LexiconEntry[] = [
  verb('zijn', 'zijn', ['is', 'was', 'waren', 'geweest']),
  verb('werken', 'werken', ['werkt', 'werkte', 'werkten', 'gewerkt']),
  verb('maken', 'maken', ['maakt', 'maakte', 'maakten', 'gemaakt']),
  verb('opbellen', 'opbellen', ['belt op', 'belde op', 'belden op', 'opgebeld'], 'op'),
  verb('opstaan', 'opstaan', ['staat op', 'stond op', 'stonden op', 'opgestaan'], 'op', 'A2'),
  noun('huis', 'huis', 'huizen'),
  noun('boom', 'boom', 'bomen'),
  noun('tafel', 'tafel', 'tafels'),
  noun('was', 'was', 'wassen', 'B1'),
  noun('moeder', 'moeder', 'moeders'),
  { id: 'groot', lemma: 'groot', pos: 'adjective', level: 'A1' },
  { id: 'dik', lemma: 'dik', pos: 'adjective', level: 'A2' },
  { id: 'in-de-war', lemma: 'in de war', pos: 'phrase', level: 'B1' },
];
// Without the closed-class words, so each test sees only the entries it names.
const lexicon = new Lexicon(ENTRIES, { functionWords: false });

const tokensOf = (text: AtomizedText): Token[] => text.paragraphs.flatMap((paragraph) => paragraph.sentences.flatMap((sentence) => sentence.tokens));
const matched = (body: string) =>
  Object.fromEntries(
    tokensOf(atomize(body, lexicon))
      .filter((token) => token.kind === 'word')
      .map((token) => [token.text, token.entryId ?? null]),
  );

describe('the forms of a word', () => {
  it('makes diminutives, adjective endings and verb stems by the usual rules', () => {
    expect(diminutivesOf('huis')).toContain('huisje');
    expect(diminutivesOf('boom')).toContain('boompje');
    expect(diminutivesOf('tafel')).toContain('tafeltje');
    expect(diminutivesOf('bal')).toContain('balletje');
    expect(inflectedAdjectivesOf('groot')).toContain('grote');
    expect(inflectedAdjectivesOf('dik')).toContain('dikke');
    expect(inflectedAdjectivesOf('lief')).toContain('lieve');
    expect(stemOf('werken')).toBe('werk');
    expect(stemOf('maken')).toBe('maak');
    expect(stemOf('zeggen')).toBe('zeg');
    expect(stemOf('leven')).toBe('leef');
  });
});

describe('atomize', () => {
  it('splits paragraphs and sentences, keeping every character', () => {
    const body = 'Ik werk in een groot huis. Werkt u ook?\n\nDhr. Jansen was er bijv. niet! Hij werkte thuis.';
    const text = atomize(body, lexicon);
    expect(text.paragraphs.map((paragraph) => paragraph.sentences.length)).toEqual([2, 2]);
    expect(text.paragraphs.map((paragraph) => paragraph.sentences.map((sentence) => sentence.tokens.map((token) => token.text).join('')).join(''))).toEqual([
      'Ik werk in een groot huis. Werkt u ook?',
      'Dhr. Jansen was er bijv. niet! Hij werkte thuis.',
    ]);
    expect(text.wordCount).toBe(18);
  });

  it('matches inflected forms to their entry', () => {
    expect(matched('De grote huizen en de dikke bomen. Het huisje van mijn moeder. Hij maakt het, zij maakten het, ik heb het gemaakt.')).toMatchObject({
      grote: 'groot',
      huizen: 'huis',
      dikke: 'dik',
      bomen: 'boom',
      huisje: 'huis',
      moeder: 'moeder',
      maakt: 'maken',
      maakten: 'maken',
      gemaakt: 'maken',
    });
  });

  it('joins a separable verb with its prefix at the end of the clause', () => {
    const tokens = tokensOf(atomize('Hij belt zijn moeder op, want zij staat vroeg op. Ik heb haar opgebeld.', lexicon)).filter((token) => token.kind === 'word');
    const belt = tokens.find((token) => token.text === 'belt');
    const op = tokens.filter((token) => token.text === 'op');
    expect(belt).toMatchObject({ entryId: 'opbellen' });
    expect(op[0]).toMatchObject({ entryId: 'opbellen', groupId: belt?.groupId });
    expect(tokens.find((token) => token.text === 'staat')).toMatchObject({ entryId: 'opstaan', groupId: op[1].groupId });
    expect(tokens.find((token) => token.text === 'opgebeld')).toMatchObject({ entryId: 'opbellen' });
  });

  it('leaves a finite form without its prefix unmatched rather than guess', () => {
    expect(matched('Hij belt.')).toMatchObject({ belt: null });
  });

  it('takes a fixed phrase as one, and reads a word after a determiner as the noun', () => {
    const tokens = tokensOf(atomize('Ik ben in de war. De was is droog, maar hij was moe.', lexicon)).filter((token) => token.kind === 'word');
    expect(tokens.slice(2, 5).map((token) => token.entryId)).toEqual(['in-de-war', 'in-de-war', 'in-de-war']);
    const was = tokens.filter((token) => token.text === 'was');
    expect(was.map((token) => token.entryId)).toEqual(['was', 'zijn']);
  });

  it('atomizes a text of over 5,000 words, every separable verb in it joined', () => {
    const body = Array.from({ length: 500 }, (_, index) => `Hij werkte ${index} jaar in een groot huis en belde zijn moeder op.`).join(' ');
    const text = atomize(body, lexicon);
    expect(text.wordCount).toBeGreaterThan(5_000);
    expect(tokensOf(text).filter((token) => token.entryId === 'opbellen')).toHaveLength(1_000);
  });
});

describe('the closed classes and irregular verbs', () => {
  it('knows articles, pronouns and prepositions as A1 words, and the irregular present', () => {
    const komen = verb('komen', 'komen', ['komt', 'kwam', 'kwamen', 'gekomen']);
    const full = new Lexicon([...ENTRIES, { ...komen, verb: komen.verb ? { ...komen.verb, irregular: true } : null }]);
    const tokens = tokensOf(atomize('Ik ben thuis en ik kom morgen bij de buren.', full)).filter((token) => token.kind === 'word');
    expect(Object.fromEntries(tokens.map((token) => [token.text, token.entryId ?? null]))).toMatchObject({
      Ik: 'function:ik',
      ben: 'zijn',
      en: 'function:en',
      kom: 'komen',
      bij: 'function:bij',
      de: 'function:de',
    });
    // A dictionary word keeps its spelling: "zijn" is the verb, not the possessive of the list.
    expect(full.lookup('zijn')[0].entry.id).toBe('zijn');
    // Not "koom" by the rule for regular verbs.
    expect(full.lookup('koom')).toEqual([]);
  });
});

describe('readingStats', () => {
  it('counts known words, new words and the level, from the student’s states', () => {
    const text = atomize('Ik werk in een groot huis. Mijn moeder werkt ook in een groot huis. Zij was moe, maar zij is blij.', lexicon);
    const states = new Map<string, WordState>([
      ['werken', 'known'],
      ['huis', 'known'],
      ['groot', 'learning'],
      [stateKey({ text: 'ik' }), 'known'],
      [stateKey({ text: 'Zij' }), 'ignored'],
    ]);
    const levels = new Map(ENTRIES.map((entry) => [entry.id, entry.level]));
    const stats = readingStats(text, (key) => states.get(key) ?? 'new', (id) => levels.get(id));
    expect(stats.tokens).toBe(21);
    // werk, werkt, huis ×2, Ik, Zij ×2.
    expect(stats.known).toBe(7);
    expect(stats.knownPercent).toBe(33.3);
    expect(stats.newWords).toBe(new Set(['word:in', 'word:een', 'word:mijn', 'moeder', 'word:ook', 'zijn', 'word:moe', 'word:maar', 'word:blij']).size);
    // Too few recognised words to tell a level.
    expect(stats.estimatedLevel).toBeNull();
  });

  it('estimates the level that covers nine in ten recognised words', () => {
    const body = 'Het huis is groot. '.repeat(10) + 'Zij staat op. ';
    const levels = new Map(ENTRIES.map((entry) => [entry.id, entry.level]));
    expect(readingStats(atomize(body, lexicon), () => 'new', (id) => levels.get(id)).estimatedLevel).toBe('A1');
    const harder = 'Zij staat op en de was is droog. '.repeat(10);
    expect(readingStats(atomize(harder, lexicon), () => 'new', (id) => levels.get(id)).estimatedLevel).toBe('B1');
  });
});

describe('atomizeSections', () => {
  it('puts each heading before its section and keeps group ids unique across sections', () => {
    const text = atomizeSections(
      [
        { title: 'Hoofdstuk 1', body: 'Hij belt zijn moeder op.' },
        { title: null, body: 'Zij belt haar moeder op.\n\nHet huis is groot.' },
      ],
      lexicon,
    );
    expect(text.paragraphs.map((paragraph) => paragraph.heading ?? false)).toEqual([true, false, false, false]);
    const groups = text.paragraphs.flatMap((paragraph) => paragraph.sentences.flatMap((sentence) => sentence.tokens.map((token) => token.groupId))).filter((id) => id !== undefined);
    // Two separable verbs, two tokens each, in different groups.
    expect(groups).toHaveLength(4);
    expect(new Set(groups).size).toBe(2);
    // "1" of the heading is a number, not a word.
    expect(text.wordCount).toBe(1 + 5 + 5 + 4);
  });
});
