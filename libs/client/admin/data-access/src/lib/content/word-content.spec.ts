import { fietsContent, opbellenContent } from '../../testing/content-fixture';
import type { WordContent } from './content-types';
import { topicContentOf, topicFormOf, topicProblems } from './topic-content';
import { emptyWordForm, wordContentOf, wordFormOf, wordProblems } from './word-content';

const keys = (problems: Record<string, { key: string }>) => Object.fromEntries(Object.entries(problems).map(([path, problem]) => [path, problem.key]));

describe('a word in the editor', () => {
  it('goes from content to form and back unchanged', () => {
    for (const content of [fietsContent(), opbellenContent(), fietsContent({ plural: null, translations: { en: 'bike', ru: 'велосипед', ar: 'دراجة', tr: 'bisiklet' } })]) {
      expect(wordContentOf(wordFormOf(content as unknown as Record<string, unknown>))).toEqual(content);
    }
  });

  it('sends only the fields of its part of speech, trimmed, without empty optional translations', () => {
    const form = { ...wordFormOf(fietsContent() as unknown as Record<string, unknown>), lemma: '  snel ', pos: 'adjective' as const };
    form.translations = { en: ' fast  quick ', ru: 'быстрый', uk: '', ar: ' ', tr: '' };
    expect(wordContentOf(form)).toEqual({ topicId: 'transport', lemma: 'snel', pos: 'adjective', translations: { en: 'fast quick', ru: 'быстрый' }, example: fietsContent().example });
    expect(wordContentOf({ ...emptyWordForm('t'), uncountable: true })).toMatchObject({ pos: 'noun', plural: null });
  });

  it('accepts the seed’s words', () => {
    expect(wordProblems(fietsContent())).toEqual({});
    expect(wordProblems(opbellenContent())).toEqual({});
    expect(wordProblems(fietsContent({ lemma: 'hersenen', plural: 'hersenen', pluralOnly: true }))).toEqual({});
  });

  it('names what is missing, too long or in the wrong script', () => {
    const word = wordContentOf(emptyWordForm());
    expect(keys(wordProblems(word))).toEqual({
      topicId: 'required',
      lemma: 'required',
      'translations.en': 'required',
      'translations.ru': 'required',
      'example.nl': 'required',
      'example.en': 'required',
      article: 'nounArticle',
      plural: 'required',
    });
    const wrong: WordContent = fietsContent({ lemma: 'de fiets', translations: { en: 'bike', ru: 'velosiped', uk: 'велосипед', ar: 'bike', tr: 'велосипед' } });
    expect(keys(wordProblems(wrong))).toEqual({ 'translations.ru': 'cyrillic', 'translations.ar': 'arabic', 'translations.tr': 'latin', lemma: 'lemmaWithArticle' });
    expect(wordProblems(fietsContent({ lemma: 'x'.repeat(61) }))['lemma']).toEqual({ key: 'tooLong', params: { max: 60 } });
    expect(keys(wordProblems(fietsContent({ pluralOnly: true })))).toEqual({ pluralOnly: 'pluralOnly' });
  });

  it('holds a separable verb’s forms to its prefix, and other verbs to one word per form', () => {
    const verb = opbellenContent().verb as NonNullable<ReturnType<typeof opbellenContent>['verb']>;
    expect(keys(wordProblems(opbellenContent({ verb: { ...verb, pastSingular: 'belde', participle: 'gebeld' } })))).toEqual({
      'verb.pastSingular': 'separableFinite',
      'verb.participle': 'separableParticiple',
    });
    expect(keys(wordProblems(opbellenContent({ lemma: 'bellen', verb: { ...verb, separablePrefix: 'op' } })))).toMatchObject({ lemma: 'separableLemma' });
    expect(keys(wordProblems(opbellenContent({ verb: { ...verb, separablePrefix: 'Op!' } })))).toEqual({ 'verb.separablePrefix': 'prefixLetters' });
    expect(keys(wordProblems(opbellenContent({ verb: { ...verb, separablePrefix: null } })))).toEqual({
      'verb.presentThirdSingular': 'oneWord',
      'verb.pastSingular': 'oneWord',
      'verb.pastPlural': 'oneWord',
    });
    expect(keys(wordProblems(opbellenContent({ verb: { ...verb, pastPlural: 'belden op/' } })))).toEqual({ 'verb.pastPlural': 'emptyVariant' });
  });
});

describe('a topic in the editor', () => {
  it('goes from content to form and back, and names what is wrong', () => {
    const topic = { slug: 'transport', title: { nl: 'Vervoer', en: 'Transport' }, level: 'A2', order: 11 };
    expect(topicContentOf(topicFormOf(topic))).toEqual(topic);
    expect(topicProblems(topicContentOf(topicFormOf(topic)))).toEqual({});
    expect(keys(topicProblems(topicContentOf({ slug: 'Vervoer en zo', title: { nl: ' ', en: 'Transport' }, level: 'A1', order: null })))).toEqual({
      slug: 'slug',
      'title.nl': 'required',
      order: 'order',
    });
    expect(keys(topicProblems({ ...topicContentOf(topicFormOf(topic)), order: 100 }))).toEqual({ order: 'order' });
    expect(topicFormOf({ ...topicContentOf({ slug: '', title: { nl: '', en: '' }, level: 'A1', order: null }) }).order).toBeNull();
  });
});
