import { SeedTopicSchema, SeedWordSchema, seedTopicFileName, separableDisplay, type SeedWord } from './seed-format';

const tafel: SeedWord = {
  lemma: 'tafel',
  pos: 'noun',
  article: 'de',
  plural: 'tafels',
  translations: { en: 'table', ru: 'стол', uk: 'стіл' },
  example: { nl: 'De tafel staat in de keuken.', en: 'The table is in the kitchen.' },
};

const opbellen: SeedWord = {
  lemma: 'opbellen',
  pos: 'verb',
  verb: {
    irregular: false,
    presentThirdSingular: 'belt op',
    pastSingular: 'belde op',
    pastPlural: 'belden op',
    participle: 'opgebeld',
    auxiliary: 'hebben',
    separablePrefix: 'op',
  },
  translations: { en: 'to call (on the phone)', ru: 'звонить (по телефону)' },
  example: { nl: 'Ik bel de klant morgen op.', en: 'I will call the customer tomorrow.' },
};

function messages(word: unknown): string[] {
  const result = SeedWordSchema.safeParse(word);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('seed format', () => {
  it('accepts a well-formed noun and separable verb', () => {
    expect(messages(tafel)).toEqual([]);
    expect(messages(opbellen)).toEqual([]);
  });

  it('requires an article and a plural field on nouns, and neither elsewhere', () => {
    expect(messages({ ...tafel, article: undefined })).toEqual(['article: a noun has an article']);
    expect(messages({ ...tafel, plural: undefined })).toEqual(['plural: a noun has a plural (null when uncountable)']);
    expect(messages({ ...tafel, plural: null })).toEqual([]);
    expect(messages({ ...tafel, lemma: 'de tafel' })).toEqual(['lemma: the lemma is given without its article']);
    expect(messages({ ...opbellen, article: 'de' })).toEqual(['article: only nouns have an article']);
  });

  it('checks plural-only nouns', () => {
    const kosten = { ...tafel, lemma: 'kosten', plural: 'kosten', pluralOnly: true };
    expect(messages(kosten)).toEqual([]);
    expect(messages({ ...kosten, article: 'het' })).toEqual(['pluralOnly: a plural-only noun has article "de" and its lemma as plural']);
  });

  it('requires verb forms on verbs, with the prefix in the right places', () => {
    expect(messages({ ...opbellen, verb: undefined })).toEqual(['verb: a verb has its forms']);
    const verb = opbellen.verb as NonNullable<SeedWord['verb']>;
    expect(messages({ ...opbellen, verb: { ...verb, presentThirdSingular: 'opbelt' } })).toEqual([
      'verb: the finite forms of a separable verb end with the prefix (belt op)',
    ]);
    expect(messages({ ...opbellen, verb: { ...verb, separablePrefix: 'af' } })).toContain('lemma: a separable verb starts with its prefix');
    expect(messages({ ...opbellen, verb: { ...verb, separablePrefix: null } })).toEqual(['verb: the forms of a verb that does not split are one word each']);
  });

  it('wants Russian and Ukrainian in Cyrillic, and rejects unknown fields', () => {
    expect(messages({ ...tafel, translations: { en: 'table', ru: 'table' } })).toEqual(['translations.ru: Russian is written in Cyrillic only']);
    expect(messages({ ...tafel, translations: { en: 'table', ru: 'стол', uk: 'стол (tafel)' } })).toEqual(['translations.uk: Ukrainian is written in Cyrillic only']);
    expect(messages({ ...tafel, translations: { en: 'table' } })).toHaveLength(1);
    expect(messages({ ...tafel, gender: 'm' })).toHaveLength(1);
  });

  it('rejects a lemma twice with the same part of speech in one topic', () => {
    const topic = { slug: 'house', title: { nl: 'Het huis', en: 'The house' }, level: 'A1', order: 5, words: [tafel, opbellen] };
    expect(SeedTopicSchema.safeParse(topic).success).toBe(true);
    expect(SeedTopicSchema.safeParse({ ...topic, words: [tafel, { ...tafel, plural: 'tafelen' }] }).success).toBe(false);
    expect(SeedTopicSchema.safeParse({ ...topic, slug: 'The House' }).success).toBe(false);
    expect(seedTopicFileName(topic)).toBe('05-house.json');
  });

  it('shows a separable verb split around the object', () => {
    expect(separableDisplay(opbellen)).toBe('belt … op');
    expect(separableDisplay(tafel)).toBeNull();
    expect(separableDisplay({ verb: { ...(opbellen.verb as NonNullable<SeedWord['verb']>), separablePrefix: null } })).toBeNull();
  });
});
