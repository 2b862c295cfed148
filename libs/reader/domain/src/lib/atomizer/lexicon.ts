/**
 * The words the reader can recognise in a text: the dictionary's, and a student's own. Each entry
 * is expanded into the forms Dutch gives it (plurals, diminutives, adjective endings, verb forms),
 * so a token is matched to its entry in one map lookup.
 */
export interface LexiconEntry {
  /** The dictionary word id, or the student's own word id. */
  id: string;
  lemma: string;
  pos: string;
  /** CEFR level of the entry's topic; own words have none. */
  level?: string | null;
  /** Plural forms, `/`-separated variants allowed (`appels/appelen`). */
  plural?: string | null;
  verb?: {
    /** Strong or irregular: its present `ik` form is not made by rule (zijn → ben, komen → kom). */
    irregular?: boolean;
    presentThirdSingular: string;
    pastSingular: string;
    pastPlural: string;
    participle: string;
    separablePrefix: string | null;
  } | null;
}

/** How a token relates to its entry. */
export type FormKind = 'lemma' | 'plural' | 'diminutive' | 'inflected' | 'verb-form' | 'separable-part';

export interface FormMatch {
  entry: LexiconEntry;
  kind: FormKind;
  /** For the finite part of a separable verb standing apart from its prefix (`belt` … `op`): the prefix to look for. */
  separablePrefix?: string;
}

/** A multi-word entry (`de weg vragen`, `in de war`): its words in order, lower-case. */
interface Phrase {
  entry: LexiconEntry;
  words: string[];
}

const VOWELS = 'aeiou';

/**
 * Present forms of common irregular verbs that neither the rule nor the dictionary's third person
 * gives: `ik ben`, `jij bent`, `ik kan`, `ik kom`.
 */
const IRREGULAR_PRESENT: Record<string, string[]> = {
  zijn: ['ben', 'bent', 'zijn'],
  hebben: ['heb', 'hebt'],
  kunnen: ['kan', 'kunt'],
  willen: ['wil', 'wilt'],
  zullen: ['zal', 'zult'],
  mogen: ['mag'],
  moeten: ['moet'],
  gaan: ['ga', 'gaat'],
  doen: ['doe', 'doet'],
  staan: ['sta', 'staat'],
  zien: ['zie', 'ziet'],
  slaan: ['sla', 'slaat'],
  komen: ['kom', 'komt'],
  weten: ['weet'],
  zeggen: ['zeg', 'zegt'],
  geven: ['geef', 'geeft'],
  nemen: ['neem', 'neemt'],
  lezen: ['lees', 'leest'],
  eten: ['eet', 'eet'],
  liggen: ['lig', 'ligt'],
  zitten: ['zit'],
  vinden: ['vind', 'vindt'],
  worden: ['word', 'wordt'],
  krijgen: ['krijg', 'krijgt'],
  blijven: ['blijf', 'blijft'],
  schrijven: ['schrijf', 'schrijft'],
  rijden: ['rijd', 'rijdt'],
  drinken: ['drink', 'drinkt'],
  helpen: ['help', 'helpt'],
  spreken: ['spreek', 'spreekt'],
  lopen: ['loop', 'loopt'],
  slapen: ['slaap', 'slaapt'],
  kopen: ['koop', 'koopt'],
  denken: ['denk', 'denkt'],
  brengen: ['breng', 'brengt'],
  zoeken: ['zoek', 'zoekt'],
  vragen: ['vraag', 'vraagt'],
  beginnen: ['begin', 'begint'],
};

/**
 * Words of the closed classes (articles, pronouns, prepositions, conjunctions, common adverbs) that
 * no topic of the dictionary lists but every text is full of. The lexicon knows them as A1 words
 * of their own (`function:<word>`), so a text's known share and level are not dragged down by "de".
 */
export const FUNCTION_WORDS = [
  'de', 'het', 'een', 'ik', 'je', 'jij', 'u', 'hij', 'zij', 'ze', 'we', 'wij', 'jullie', 'mij', 'me', 'jou', 'hem', 'haar', 'ons', 'hen', 'hun',
  'mijn', 'jouw', 'uw', 'zijn', 'onze', 'dit', 'dat', 'deze', 'die', 'wie', 'wat', 'waar', 'wanneer', 'waarom', 'hoe', 'welk', 'welke',
  'en', 'of', 'maar', 'want', 'dus', 'omdat', 'als', 'dan', 'toen', 'terwijl', 'voordat', 'nadat', 'zodat', 'hoewel', 'tot', 'totdat',
  'in', 'op', 'aan', 'bij', 'met', 'van', 'voor', 'naar', 'om', 'uit', 'over', 'onder', 'tussen', 'achter', 'naast', 'tegen', 'door', 'zonder', 'na', 'sinds', 'per', 'te',
  'niet', 'geen', 'ook', 'nog', 'al', 'er', 'hier', 'daar', 'nu', 'toch', 'wel', 'zo', 'heel', 'erg', 'veel', 'weinig', 'meer', 'minder', 'alle', 'alles', 'iets', 'niets', 'iemand', 'niemand', 'iedereen', 'elke', 'elk', 'ieder', 'iedere',
  'ja', 'nee', 'dan', 'eens', 'even', 'altijd', 'nooit', 'vaak', 'soms', 'samen', 'bijna', 'later', 'daarna', 'eerst', 'mee', 'zelf', 'allemaal',
] as const;
export function normalizeWord(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/’/g, "'");
}

function variants(forms: string | null | undefined): string[] {
  return (forms ?? '')
    .split('/')
    .map((form) => normalizeWord(form.trim()))
    .filter(Boolean);
}

/** Diminutives of a noun, by the usual rules (huis → huisje, boom → boompje, bal → balletje, tafel → tafeltje). */
export function diminutivesOf(noun: string): string[] {
  const word = normalizeWord(noun);
  const last = word.at(-1) ?? '';
  const beforeLast = word.at(-2) ?? '';
  const forms = new Set<string>();
  // A vowel at the end (auto, thee, knie): -tje.
  if (/[aeiouy]$/.test(word)) forms.add(`${word}tje`);
  if (/[lnrw]$/.test(word) && VOWELS.includes(beforeLast)) {
    forms.add(`${word}tje`);
    // A short stressed vowel doubles the consonant: bal → balletje, kam → kammetje.
    if (!VOWELS.includes(word.at(-3) ?? '')) forms.add(`${word}${last}etje`);
  }
  if (/m$/.test(word)) forms.add(`${word}pje`);
  if (/(ng)$/.test(word)) forms.add(`${word}etje`);
  if (forms.size === 0) forms.add(`${word}je`);
  return [...forms].flatMap((form) => [form, `${form}s`]);
}

/** Attributive forms of an adjective: groot → grote, dik → dikke, lief → lieve, vies → vieze, mooi → mooie. */
export function inflectedAdjectivesOf(adjective: string): string[] {
  const word = normalizeWord(adjective);
  if (/e$/.test(word) || word.includes(' ')) return [];
  let stem = word;
  const last = word.at(-1) ?? '';
  const doubleVowel = /([aeou])\1[^aeiou]$/.exec(word);
  if (doubleVowel) stem = `${word.slice(0, -3)}${word.at(-3)}${last}`;
  else if (VOWELS.includes(word.at(-2) ?? '') && !VOWELS.includes(word.at(-3) ?? '') && /[bdfgklmnprst]$/.test(word) && word.length > 2) stem = `${word}${last}`;
  stem = stem.replace(/f$/, 'v').replace(/s$/, 'z');
  return [...new Set([`${stem}e`, `${word}er`, `${word}ste`])];
}

/** The `ik` form of a regular verb from its infinitive: werken → werk, maken → maak, zeggen → zeg, leven → leef. */
export function stemOf(infinitive: string): string | null {
  const word = normalizeWord(infinitive);
  if (!word.endsWith('en') || word.length < 4) return null;
  let stem = word.slice(0, -2);
  if (/([bdfgklmnprst])\1$/.test(stem)) stem = stem.slice(0, -1);
  else if (VOWELS.includes(stem.at(-2) ?? '') && !VOWELS.includes(stem.at(-3) ?? '') && !VOWELS.includes(stem.at(-1) ?? '') && /[aeou]/.test(stem.at(-2) ?? '')) {
    stem = `${stem.slice(0, -1)}${stem.at(-2)}${stem.at(-1)}`;
  }
  return stem.replace(/v$/, 'f').replace(/z$/, 's');
}

export class Lexicon {
  private readonly forms = new Map<string, FormMatch[]>();
  private readonly phrases: Phrase[] = [];
  /** Phrases by their first word, for a lookup per token. */
  private readonly phrasesByFirst = new Map<string, Phrase[]>();

  constructor(entries: Iterable<LexiconEntry>, options: { functionWords?: boolean } = {}) {
    for (const entry of entries) this.add(entry);
    if (options.functionWords ?? true) {
      for (const word of new Set(FUNCTION_WORDS)) {
        // Only where no entry has the spelling: the dictionary's own word (zijn, the verb) comes first.
        if (!this.forms.has(word)) this.add({ id: `function:${word}`, lemma: word, pos: 'function', level: 'A1' });
      }
    }
  }

  /** The forms a token may be, most specific first (the entry's own lemma before any inflection). */
  lookup(word: string): readonly FormMatch[] {
    return this.forms.get(normalizeWord(word)) ?? [];
  }

  /** Multi-word entries that start with this word. */
  phrasesStartingWith(word: string): readonly Phrase[] {
    return this.phrasesByFirst.get(normalizeWord(word)) ?? [];
  }

  get phraseCount(): number {
    return this.phrases.length;
  }

  private add(entry: LexiconEntry): void {
    const lemma = normalizeWord(entry.lemma);
    const words = lemma.split(/\s+/).filter(Boolean);
    if (words.length > 1 && entry.pos !== 'verb') {
      const phrase = { entry, words: words.map((word) => word.replace(/^(de|het|een)$/, '$1')) };
      this.phrases.push(phrase);
      this.phrasesByFirst.set(words[0], [...(this.phrasesByFirst.get(words[0]) ?? []), phrase]);
      return;
    }
    this.put(lemma, { entry, kind: 'lemma' });
    if (entry.pos === 'noun') {
      for (const plural of variants(entry.plural)) this.put(plural, { entry, kind: 'plural' });
      for (const diminutive of diminutivesOf(lemma)) this.put(diminutive, { entry, kind: 'diminutive' });
    }
    if (entry.pos === 'adjective') for (const form of inflectedAdjectivesOf(lemma)) this.put(form, { entry, kind: 'inflected' });
    if (entry.pos === 'verb') this.addVerb(entry, lemma);
  }

  private addVerb(entry: LexiconEntry, lemma: string): void {
    const verb = entry.verb;
    const prefix = verb?.separablePrefix ? normalizeWord(verb.separablePrefix) : null;
    const root = prefix && lemma.startsWith(prefix) ? lemma.slice(prefix.length) : lemma;
    // An irregular verb's present is not made by rule (zijn → "zij" would be the pronoun).
    const stem = verb?.irregular ? null : stemOf(root);
    const finite = [
      ...(stem ? [stem, `${stem}t`] : []),
      ...(IRREGULAR_PRESENT[root] ?? []),
      ...(verb ? [...variants(verb.presentThirdSingular), ...variants(verb.pastSingular), ...variants(verb.pastPlural)] : []),
    ].map((form) => (prefix && form.endsWith(` ${prefix}`) ? form.slice(0, -(prefix.length + 1)) : form));
    for (const form of new Set(finite)) {
      if (form.includes(' ')) continue;
      if (prefix) {
        // Split off: "hij belt ... op". Joined (in a subordinate clause): "dat hij opbelt".
        this.put(form, { entry, kind: 'separable-part', separablePrefix: prefix });
        this.put(`${prefix}${form}`, { entry, kind: 'verb-form' });
      } else {
        this.put(form, { entry, kind: 'verb-form' });
      }
    }
    for (const participle of variants(verb?.participle)) this.put(participle, { entry, kind: 'verb-form' });
    if (prefix) this.put(`${prefix}te${root}`, { entry, kind: 'verb-form' });
  }

  private put(form: string, match: FormMatch): void {
    const existing = this.forms.get(form);
    if (!existing) {
      this.forms.set(form, [match]);
      return;
    }
    if (existing.some((known) => known.entry.id === match.entry.id && known.kind === match.kind)) return;
    existing.push(match);
    // The entry whose lemma this is comes first: "was" is the noun before it is a form of "zijn".
    existing.sort((a, b) => Number(b.kind === 'lemma') - Number(a.kind === 'lemma'));
  }
}
