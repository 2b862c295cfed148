import { OPTIONAL_LANGUAGES, type Auxiliary, type PartOfSpeech, type TranslationLanguage, type VerbForms, type WordContent } from './content-types';
import { checkText, cleanText, type FieldProblems } from './field-problems';

/** A word as the editor's form holds it: every field present, text as typed, choices as flags. */
export interface WordForm {
  topicId: string;
  lemma: string;
  pos: PartOfSpeech;
  article: '' | 'de' | 'het';
  plural: string;
  /** A noun without a plural (`plural: null`). */
  uncountable: boolean;
  pluralOnly: boolean;
  verb: Omit<VerbForms, 'separablePrefix'> & { separablePrefix: string };
  translations: Record<TranslationLanguage, string>;
  example: { nl: string; en: string };
}

export function emptyWordForm(topicId = ''): WordForm {
  return {
    topicId,
    lemma: '',
    pos: 'noun',
    article: '',
    plural: '',
    uncountable: false,
    pluralOnly: false,
    verb: { irregular: false, presentThirdSingular: '', pastSingular: '', pastPlural: '', participle: '', auxiliary: 'hebben', separablePrefix: '' },
    translations: { en: '', ru: '', uk: '', ar: '', tr: '' },
    example: { nl: '', en: '' },
  };
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});

/** The form for a word's content as the API gives it (missing or odd fields become empty). */
export function wordFormOf(content: Record<string, unknown>): WordForm {
  const form = emptyWordForm(text(content['topicId']));
  const verb = record(content['verb']);
  const translations = record(content['translations']);
  const example = record(content['example']);
  return {
    ...form,
    lemma: text(content['lemma']),
    pos: (text(content['pos']) || 'noun') as PartOfSpeech,
    article: content['article'] === 'de' || content['article'] === 'het' ? content['article'] : '',
    plural: text(content['plural']),
    uncountable: content['plural'] === null,
    pluralOnly: content['pluralOnly'] === true,
    verb: {
      irregular: verb['irregular'] === true,
      presentThirdSingular: text(verb['presentThirdSingular']),
      pastSingular: text(verb['pastSingular']),
      pastPlural: text(verb['pastPlural']),
      participle: text(verb['participle']),
      auxiliary: (text(verb['auxiliary']) || 'hebben') as Auxiliary,
      separablePrefix: text(verb['separablePrefix']),
    },
    translations: { en: text(translations['en']), ru: text(translations['ru']), uk: text(translations['uk']), ar: text(translations['ar']), tr: text(translations['tr']) },
    example: { nl: text(example['nl']), en: text(example['en']) },
  };
}

/**
 * The content the API takes for the form: text trimmed with single spaces, only the fields the
 * part of speech has (a noun's article and plural, a verb's forms), empty optional translations left out.
 */
export function wordContentOf(form: WordForm): WordContent {
  const translations: WordContent['translations'] = { en: cleanText(form.translations.en), ru: cleanText(form.translations.ru) };
  for (const language of OPTIONAL_LANGUAGES) {
    const translation = cleanText(form.translations[language]);
    if (translation) translations[language] = translation;
  }
  const content: WordContent = { topicId: form.topicId, lemma: cleanText(form.lemma), pos: form.pos, translations, example: { nl: cleanText(form.example.nl), en: cleanText(form.example.en) } };
  if (form.pos === 'noun') {
    if (form.article) content.article = form.article;
    content.plural = form.uncountable ? null : cleanText(form.plural);
    if (form.pluralOnly) content.pluralOnly = true;
  }
  if (form.pos === 'verb') {
    const { separablePrefix, presentThirdSingular, pastSingular, pastPlural, participle, ...rest } = form.verb;
    content.verb = {
      ...rest,
      presentThirdSingular: cleanText(presentThirdSingular),
      pastSingular: cleanText(pastSingular),
      pastPlural: cleanText(pastPlural),
      participle: cleanText(participle),
      separablePrefix: cleanText(separablePrefix) || null,
    };
  }
  return content;
}

const variantsOf = (form: string) => form.split('/').map((variant) => variant.trim());
const VERB_FORMS = ['presentThirdSingular', 'pastSingular', 'pastPlural', 'participle'] as const;

/**
 * What is wrong with a word, by field path, as the API would refuse it: the rules of vocabulary's
 * dictionary content (a noun has an article and a plural, a separable verb's forms split, the
 * translations in their scripts). Empty when the word may be saved.
 */
export function wordProblems(word: WordContent): FieldProblems {
  const problems: FieldProblems = {};
  const add = (path: string, key: string, params?: Record<string, unknown>) => {
    if (!(path in problems)) problems[path] = { key, ...(params ? { params } : {}) };
  };
  const check = (path: string, value: string, max = 200) => {
    const problem = checkText(value, max);
    if (problem) add(path, problem.key, problem.params);
    return !problem;
  };

  if (!word.topicId) add('topicId', 'required');
  check('lemma', word.lemma, 60);
  check('translations.en', word.translations.en);
  for (const language of ['ru', 'uk'] as const) {
    const value = word.translations[language];
    if (value === undefined) continue;
    if (check(`translations.${language}`, value) && !(/\p{Script=Cyrillic}/u.test(value) && !/\p{Script=Latin}/u.test(value))) add(`translations.${language}`, 'cyrillic');
  }
  if (word.translations.ar !== undefined && check('translations.ar', word.translations.ar) && !(/\p{Script=Arabic}/u.test(word.translations.ar) && !/\p{Script=Latin}/u.test(word.translations.ar))) {
    add('translations.ar', 'arabic');
  }
  if (word.translations.tr !== undefined && check('translations.tr', word.translations.tr) && !/\p{Script=Latin}/u.test(word.translations.tr)) add('translations.tr', 'latin');
  check('example.nl', word.example.nl);
  check('example.en', word.example.en);

  if (word.pos === 'noun') {
    if (!word.article) add('article', 'nounArticle');
    if (typeof word.plural === 'string') check('plural', word.plural);
    if (/^(de|het|een) /i.test(word.lemma)) add('lemma', 'lemmaWithArticle');
    if (word.pluralOnly && (word.plural !== word.lemma || word.article !== 'de')) add('pluralOnly', 'pluralOnly');
  }
  if (word.pos !== 'verb' || !word.verb) return problems;

  const verb = word.verb;
  for (const name of VERB_FORMS) if (check(`verb.${name}`, verb[name]) && variantsOf(verb[name]).some((variant) => !variant)) add(`verb.${name}`, 'emptyVariant');
  const prefix = verb.separablePrefix;
  const finite = (['presentThirdSingular', 'pastSingular', 'pastPlural'] as const).flatMap((name) => variantsOf(verb[name]).filter(Boolean));
  if (prefix === null) {
    for (const name of VERB_FORMS) if (variantsOf(verb[name]).some((form) => form.includes(' '))) add(`verb.${name}`, 'oneWord');
    return problems;
  }
  if (!/^[a-z]+$/.test(prefix)) return (add('verb.separablePrefix', 'prefixLetters'), problems);
  if (!word.lemma.startsWith(prefix) || word.lemma.length <= prefix.length) add('lemma', 'separableLemma');
  if (!finite.every((form) => form.endsWith(` ${prefix}`))) {
    for (const name of ['presentThirdSingular', 'pastSingular', 'pastPlural'] as const) if (!variantsOf(verb[name]).every((form) => form.endsWith(` ${prefix}`))) add(`verb.${name}`, 'separableFinite', { prefix });
  }
  if (!variantsOf(verb.participle).every((form) => form.startsWith(prefix))) add('verb.participle', 'separableParticiple', { prefix });
  return problems;
}
