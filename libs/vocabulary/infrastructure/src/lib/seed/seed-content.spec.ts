import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SeedTopicSchema, seedTopicFileName, seedWordId, type SeedTopic, type SeedWord } from '@tall/vocabulary/domain';

// Checks the seed dictionary's content beyond its schema: the things a student would be misled
// by (a participle that is not one, an example without the word, two answers alike in one topic).
const TOPICS_DIR = join(__dirname, '../../assets/seed/topics');
const LEVELS = ['A1', 'A2', 'B1', 'B2'] as const;
/** Prefixes that never split and take no ge- in the participle (vertellen → verteld, onderzoeken → onderzocht). */
const INSEPARABLE = ['be', 'ge', 'her', 'ont', 'ver', 'er', 'onder', 'over', 'door', 'achter', 'mis', 'vol', 'voor', 'om', 'weer'];
/** Words allowed in two topics because they truly belong to both: `lemma|pos`. */
const SHARED_WORDS = new Set<string>();

type TopicFiles = Map<string, string>;

function readTopicFiles(): TopicFiles {
  return new Map(readdirSync(TOPICS_DIR).map((name) => [name, readFileSync(join(TOPICS_DIR, name), 'utf8')]));
}

const variants = (form: string) => form.split('/').map((variant) => variant.trim());
const normalized = (text: string) => text.normalize('NFC').toLowerCase();
const words = (text: string) =>
  normalized(text)
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);

/** The finite form without a separable verb's trailing prefix: `belt op` → `belt`. */
function mainPart(form: string, prefix: string | null): string {
  return prefix && form.endsWith(` ${prefix}`) ? form.slice(0, -(prefix.length + 1)) : form;
}

function verbProblems(word: SeedWord): string[] {
  const verb = word.verb;
  if (!verb) return ['has no verb forms'];
  const problems: string[] = [];
  const prefix = verb.separablePrefix;
  for (const participle of variants(verb.participle)) {
    if (!/(n|d|t)$/.test(participle)) problems.push(`participle "${participle}" does not end in -(e)n, -d or -t`);
    const rest = prefix ? participle.slice(prefix.length) : participle;
    const root = prefix ? word.lemma.slice(prefix.length) : word.lemma;
    const shaped = rest.startsWith('ge') || INSEPARABLE.some((inseparable) => root.startsWith(inseparable) && rest.startsWith(inseparable));
    if ((prefix && !participle.startsWith(prefix)) || !shaped) problems.push(`participle "${participle}" is not ge-, prefix+ge- or inseparable-prefix shaped`);
  }
  if (!verb.irregular) {
    // Regular (weak) verbs follow 't kofschip: -te/-t after a voiceless stem consonant, -de/-d otherwise.
    const root = prefix ? word.lemma.slice(prefix.length) : word.lemma;
    if (!root.endsWith('en')) return [...problems, 'a regular verb whose infinitive does not end in -en'];
    const voiceless = 'tkfschpx'.includes(root.at(-3) ?? '');
    const [present, past, pastPlural, participle] = [verb.presentThirdSingular, verb.pastSingular, verb.pastPlural, verb.participle].map((form) =>
      mainPart(variants(form)[0], prefix),
    );
    if (!present.endsWith('t')) problems.push(`present "${present}" of a regular verb does not end in -t`);
    if (!past.endsWith(voiceless ? 'te' : 'de')) problems.push(`past "${past}" breaks 't kofschip (expected -${voiceless ? 'te' : 'de'})`);
    if (pastPlural !== `${past}n`) problems.push(`past plural "${pastPlural}" is not "${past}n"`);
    if (!participle.endsWith(voiceless ? 't' : 'd')) problems.push(`participle "${participle}" breaks 't kofschip (expected -${voiceless ? 't' : 'd'})`);
  }
  return problems;
}

/** Forms of a verb that may stand in its example: infinitive, root, present (and its stem), past, participle. */
function verbCandidates(word: SeedWord): string[] {
  const verb = word.verb;
  if (!verb) return [word.lemma];
  const prefix = verb.separablePrefix;
  const present = variants(verb.presentThirdSingular).map((form) => mainPart(form, prefix));
  const stems = present.flatMap((form) => [form.replace(/t$/, ''), form.replace(/aat$/, 'a')]);
  const past = [...variants(verb.pastSingular), ...variants(verb.pastPlural)].map((form) => mainPart(form, prefix));
  return [word.lemma, prefix ? word.lemma.slice(prefix.length) : word.lemma, ...present, ...stems, ...past, ...variants(verb.participle)].map(normalized);
}

/** Whether the Dutch example uses the word. Nouns and verbs strictly; adjectives by their stem; the rest word by word. */
function exampleUsesWord(word: SeedWord): boolean {
  const example = normalized(word.example.nl);
  const tokens = words(word.example.nl);
  switch (word.pos) {
    case 'noun':
      return [word.lemma, word.plural].some((form) => form && example.includes(normalized(form)));
    case 'verb':
      return verbCandidates(word).some((form) => tokens.includes(form)) || example.includes(normalized(word.lemma));
    case 'adjective': {
      const lemma = normalized(word.lemma);
      const stem = lemma.slice(0, Math.max(2, lemma.length - 2));
      return tokens.some((token) => token.startsWith(stem));
    }
    default:
      // Every word of an expression, in any order: `naar bed gaan` in "We gaan om elf uur naar bed".
      return words(word.lemma).every((part) => tokens.includes(part));
  }
}

function wordProblems(word: SeedWord): string[] {
  const problems: string[] = [];
  if (word.pos === 'noun' && (!word.article || word.plural === undefined)) problems.push('noun without article or plural field');
  if (word.pos === 'verb') problems.push(...verbProblems(word));
  if (!word.translations.en || !/\p{Script=Cyrillic}/u.test(word.translations.ru ?? '')) problems.push('no English or Cyrillic Russian translation');
  if (!exampleUsesWord(word)) problems.push(`example "${word.example.nl}" does not contain the word or one of its forms`);
  if (!/^['\p{Lu}\p{N}]/u.test(word.example.nl) || !/[.!?]$/.test(word.example.nl)) problems.push('Dutch example is not a sentence (capital, final . ! or ?)');
  if (!/^['"\p{Lu}\p{N}]/u.test(word.example.en) || !/[.!?]$/.test(word.example.en)) problems.push('English example is not a sentence (capital, final . ! or ?)');
  return problems;
}

/** Every problem with the seed files, as `file: what`; empty when the seed is sound. */
function seedProblems(files: TopicFiles): { problems: string[]; topics: SeedTopic[] } {
  const problems: string[] = [];
  const topics: SeedTopic[] = [];
  for (const [name, text] of files) {
    if (!/^\d{2}-[a-z0-9-]+\.json$/.test(name)) {
      problems.push(`${name}: not a topic file name (NN-slug.json)`);
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      problems.push(`${name}: not JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = SeedTopicSchema.safeParse(json);
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((issue) => `${name}: ${issue.path.join('.')}: ${issue.message}`));
      continue;
    }
    const topic = parsed.data;
    topics.push(topic);
    if (seedTopicFileName(topic) !== name) problems.push(`${name}: should be named ${seedTopicFileName(topic)}`);
    for (const word of topic.words) problems.push(...wordProblems(word).map((problem) => `${name}: ${word.lemma} (${word.pos}): ${problem}`));
    for (const language of ['en', 'ru'] as const) {
      const seen = new Map<string, string>();
      for (const word of topic.words) {
        const translation = normalized(word.translations[language]);
        const other = seen.get(translation);
        if (other) problems.push(`${name}: ${word.lemma} and ${other} share the ${language} translation "${translation}"; recognition cards could not tell them apart`);
        seen.set(translation, word.lemma);
      }
    }
  }
  const duplicates = (values: string[]) => values.filter((value, index) => values.indexOf(value) !== index);
  for (const slug of duplicates(topics.map((topic) => topic.slug))) problems.push(`slug "${slug}" is used by two topics`);
  for (const order of duplicates(topics.map((topic) => String(topic.order)))) problems.push(`order ${order} is used by two topics`);
  const ids = topics.flatMap((topic) => topic.words.map((word) => seedWordId(topic.slug, word.lemma, word.pos)));
  for (const id of duplicates(ids)) problems.push(`word id ${id} is not unique`);
  for (const id of ids.filter((id) => id.length > 64)) problems.push(`word id ${id} is longer than 64 characters`);
  const entries = topics.flatMap((topic) => topic.words.map((word) => `${normalized(word.lemma)}|${word.pos}`));
  for (const entry of new Set(duplicates(entries))) if (!SHARED_WORDS.has(entry)) problems.push(`${entry} is in two topics`);
  const byOrder = [...topics].sort((a, b) => a.order - b.order);
  byOrder.slice(1).forEach((topic, index) => {
    if (LEVELS.indexOf(topic.level) < LEVELS.indexOf(byOrder[index].level)) problems.push(`${topic.slug} (${topic.level}) comes after ${byOrder[index].slug} (${byOrder[index].level})`);
  });
  return { problems, topics };
}

function replaceTopic(files: TopicFiles, name: string, change: (topic: SeedTopic) => unknown): TopicFiles {
  const copy = new Map(files);
  copy.set(name, JSON.stringify(change(JSON.parse(files.get(name) as string) as SeedTopic)));
  return copy;
}

describe('seed dictionary content', () => {
  const files = readTopicFiles();
  const { problems, topics } = seedProblems(files);
  const count = (level?: string) => topics.filter((topic) => !level || topic.level === level).reduce((sum, topic) => sum + topic.words.length, 0);

  it('has no problems', () => {
    expect(problems).toEqual([]);
  });

  it('has at least 600 words in at least 20 topics, from A1 to B1', () => {
    expect(topics).toHaveLength(files.size);
    expect(topics.length).toBeGreaterThanOrEqual(20);
    expect(count()).toBeGreaterThanOrEqual(600);
    for (const level of ['A1', 'A2', 'B1']) expect(count(level)).toBeGreaterThan(0);
  });

  it('speaks Dutch as taught: known articles, plurals and verb forms', () => {
    const all = new Map(topics.flatMap((topic) => topic.words.map((word) => [`${word.lemma}|${word.pos}`, word] as const)));
    const noun = (lemma: string) => [all.get(`${lemma}|noun`)?.article, all.get(`${lemma}|noun`)?.plural];
    const forms = (lemma: string) => {
      const verb = all.get(`${lemma}|verb`)?.verb;
      return verb && [verb.pastSingular, verb.pastPlural, verb.participle, verb.auxiliary];
    };
    expect(noun('huis')).toEqual(['het', 'huizen']);
    expect(noun('tafel')).toEqual(['de', 'tafels']);
    expect(noun('meisje')).toEqual(['het', 'meisjes']);
    expect(noun('auto')).toEqual(['de', "auto's"]);
    expect(noun('bed')).toEqual(['het', 'bedden']);
    expect(noun('weer')).toEqual(['het', null]);
    expect(noun('station')).toEqual(['het', 'stations']);
    expect(noun('ziekenhuis')).toEqual(['het', 'ziekenhuizen']);
    expect(forms('lopen')).toEqual(['liep', 'liepen', 'gelopen', 'hebben/zijn']);
    expect(forms('zijn')).toEqual(['was', 'waren', 'geweest', 'zijn']);
    expect(forms('hebben')).toEqual(['had', 'hadden', 'gehad', 'hebben']);
    expect(forms('gaan')).toEqual(['ging', 'gingen', 'gegaan', 'zijn']);
    expect(forms('opstaan')).toEqual(['stond op', 'stonden op', 'opgestaan', 'zijn']);
  });

  describe('fails on a broken file', () => {
    const [name] = [...files.keys()].sort();
    const problemsAfter = (change: (topic: SeedTopic) => unknown) => seedProblems(replaceTopic(files, name, change)).problems;

    it('that is not valid JSON, or breaks the schema', () => {
      const broken = new Map(files).set(name, '{ "slug": ');
      expect(seedProblems(broken).problems).toEqual([expect.stringContaining(`${name}: not JSON`)]);
      expect(problemsAfter((topic) => ({ ...topic, level: 'C3' }))).toEqual([expect.stringContaining(`${name}: level:`)]);
    });

    it('with a noun without its article', () => {
      const after = problemsAfter((topic) => {
        const index = topic.words.findIndex((word) => word.pos === 'noun');
        delete topic.words[index].article;
        return topic;
      });
      expect(after).toEqual([expect.stringMatching(/words\.\d+\.article: a noun has an article/)]);
    });

    it('with an example that misses its word', () => {
      expect(
        problemsAfter((topic) => {
          topic.words[0].example.nl = 'Deze zin gaat over iets anders.';
          return topic;
        }),
      ).toEqual([expect.stringContaining('does not contain the word')]);
    });

    it('with a regular verb that breaks the rules, or a participle that is not one', () => {
      const topic = JSON.parse(files.get(name) as string) as SeedTopic;
      const index = topic.words.findIndex((word) => word.verb && word.verb.separablePrefix === null);
      if (index < 0) throw new Error(`${name} has no verb to break`);
      const withVerb = (verb: Partial<NonNullable<SeedWord['verb']>>) =>
        problemsAfter((copy) => {
          copy.words[index].verb = { ...(copy.words[index].verb as NonNullable<SeedWord['verb']>), ...verb };
          return copy;
        });
      expect(withVerb({ participle: 'slapte' })).toEqual(expect.arrayContaining([expect.stringContaining('participle "slapte"')]));
      expect(withVerb({ irregular: false, pastSingular: 'liep', pastPlural: 'liepen', participle: 'gelopen' })).toEqual(
        expect.arrayContaining([expect.stringContaining(`past "liep" breaks 't kofschip`)]),
      );
    });

    it('with two topics of one slug or order, or a word in two topics', () => {
      const copy = JSON.parse(files.get(name) as string) as SeedTopic;
      const twin = new Map(files).set(`${String(copy.order).padStart(2, '0')}-twin.json`, JSON.stringify({ ...copy, slug: 'twin' }));
      expect(seedProblems(twin).problems).toEqual(expect.arrayContaining([`order ${copy.order} is used by two topics`, expect.stringMatching(/is in two topics$/)]));
      const renamed = new Map(files).set(`99-${copy.slug}.json`, JSON.stringify({ ...copy, order: 99, words: [copy.words[0]] }));
      expect(seedProblems(renamed).problems).toEqual(expect.arrayContaining([`slug "${copy.slug}" is used by two topics`]));
    });

    it('with two words of one topic translated alike', () => {
      expect(
        problemsAfter((topic) => {
          topic.words[1].translations.en = topic.words[0].translations.en;
          return topic;
        }),
      ).toEqual([expect.stringContaining('recognition cards could not tell them apart')]);
    });
  });
});
