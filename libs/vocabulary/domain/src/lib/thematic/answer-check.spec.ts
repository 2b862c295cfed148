import type { DictionaryWord } from '../dictionary/dictionary-word';
import { AnswerShapeError, checkAnswer, ModeNotApplicableError, normalizeAnswer } from './answer-check';

const word = (fields: Partial<DictionaryWord>): DictionaryWord => ({
  id: 'w_1',
  topicId: 't_1',
  order: 1,
  lemma: 'tafel',
  pos: 'noun',
  article: null,
  plural: null,
  pluralOnly: false,
  verb: null,
  translations: { en: 'table', ru: 'стол' },
  example: { nl: 'De tafel is rond.', en: 'The table is round.' },
  ...fields,
});

const tafel = word({ article: 'de', plural: 'tafels' });
const huis = word({ id: 'w_2', lemma: 'huis', article: 'het', translations: { en: 'house', ru: 'дом' } });
const lopen = word({
  id: 'w_3',
  lemma: 'lopen',
  pos: 'verb',
  translations: { en: 'to walk', ru: 'ходить' },
  verb: { irregular: true, presentThirdSingular: 'loopt', pastSingular: 'liep', pastPlural: 'liepen', participle: 'gelopen', auxiliary: 'hebben/zijn', separablePrefix: null },
});
const werken = word({
  id: 'w_4',
  lemma: 'werken',
  pos: 'verb',
  translations: { en: 'to work', ru: 'работать' },
  verb: { irregular: false, presentThirdSingular: 'werkt', pastSingular: 'werkte', pastPlural: 'werkten', participle: 'gewerkt', auxiliary: 'hebben', separablePrefix: null },
});
const vragen = word({
  id: 'w_5',
  lemma: 'vragen',
  pos: 'verb',
  translations: { en: 'to ask', ru: 'спрашивать' },
  verb: { irregular: true, presentThirdSingular: 'vraagt', pastSingular: 'vroeg/vraagde', pastPlural: 'vroegen/vraagden', participle: 'gevraagd', auxiliary: 'hebben', separablePrefix: null },
});
const cafe = word({ id: 'w_6', lemma: 'café', article: 'het', translations: { en: 'café, pub', ru: 'кафе' } });

describe('checkAnswer: recall (translation → type the Dutch)', () => {
  it.each([
    ['tafel', true],
    ['Tafel', true],
    ['  TAFEL  ', true],
    ['de tafel', true],
    ['De  Tafel', true],
    ['het tafel', false],
    ['een tafel', false],
    ['tafels', false],
    ['tafle', false],
    ['de', false],
    ['', false],
  ])('%j is %s', (answer, correct) => {
    expect(checkAnswer(tafel, 'recall', answer)).toEqual({ correct, expected: 'de tafel' });
  });

  it('is strict on accents but not on Unicode composition', () => {
    expect(checkAnswer(cafe, 'recall', 'cafe').correct).toBe(false);
    expect(checkAnswer(cafe, 'recall', 'cafe\u0301').correct).toBe(true);
    expect(checkAnswer(cafe, 'recall', 'het café').correct).toBe(true);
  });

  it('accepts a verb without an article only', () => {
    expect(checkAnswer(lopen, 'recall', 'Lopen ')).toEqual({ correct: true, expected: 'lopen' });
    expect(checkAnswer(lopen, 'recall', 'de lopen').correct).toBe(false);
  });
});

describe('checkAnswer: recognition (Dutch → pick the translation)', () => {
  it('accepts the option text in any language the word is translated to', () => {
    expect(checkAnswer(tafel, 'recognition', 'table')).toEqual({ correct: true, expected: 'table' });
    expect(checkAnswer(tafel, 'recognition', 'стол', 'ru')).toEqual({ correct: true, expected: 'стол' });
    expect(checkAnswer(cafe, 'recognition', ' Café, pub ').correct).toBe(true);
  });

  it('refuses another word’s translation and answers in the asked language, English when it has none', () => {
    expect(checkAnswer(tafel, 'recognition', 'house', 'ru')).toEqual({ correct: false, expected: 'стол' });
    expect(checkAnswer(tafel, 'recognition', 'house', 'uk')).toEqual({ correct: false, expected: 'table' });
  });
});

describe('checkAnswer: de/het', () => {
  it('checks the article of a noun', () => {
    expect(checkAnswer(huis, 'article', 'het')).toEqual({ correct: true, expected: 'het' });
    expect(checkAnswer(huis, 'article', ' HET ').correct).toBe(true);
    expect(checkAnswer(huis, 'article', 'de')).toEqual({ correct: false, expected: 'het' });
  });

  it('does not apply to a verb, nor to a plural-only noun', () => {
    expect(() => checkAnswer(lopen, 'article', 'de')).toThrow(ModeNotApplicableError);
    const kosten = word({ lemma: 'kosten', article: 'de', plural: 'kosten', pluralOnly: true });
    expect(() => checkAnswer(kosten, 'article', 'de')).toThrow(ModeNotApplicableError);
    expect(checkAnswer(kosten, 'recall', 'de kosten').correct).toBe(true);
  });
});

describe('checkAnswer: verb forms', () => {
  const forms = { pastSingular: 'liep', pastPlural: 'liepen', participle: 'gelopen' };

  it('needs all three forms right', () => {
    expect(checkAnswer(lopen, 'verb-forms', { pastSingular: ' Liep', pastPlural: 'liepen ', participle: 'GELOPEN' })).toEqual({ correct: true, expected: forms });
    expect(checkAnswer(lopen, 'verb-forms', { ...forms, participle: 'geloopt' }).correct).toBe(false);
    expect(checkAnswer(lopen, 'verb-forms', { ...forms, pastPlural: 'liep' }).correct).toBe(false);
  });

  it('accepts each listed variant', () => {
    expect(checkAnswer(vragen, 'verb-forms', { pastSingular: 'vraagde', pastPlural: 'vroegen', participle: 'gevraagd' }).correct).toBe(true);
    expect(checkAnswer(vragen, 'verb-forms', { pastSingular: 'vroeg', pastPlural: 'vraagden', participle: 'gevraagd' }).correct).toBe(true);
    expect(checkAnswer(vragen, 'verb-forms', { pastSingular: 'vroeg/vraagde', pastPlural: 'vroegen', participle: 'gevraagd' }).correct).toBe(false);
  });

  it('applies only to irregular verbs, and wants the three forms', () => {
    expect(() => checkAnswer(werken, 'verb-forms', { pastSingular: 'werkte', pastPlural: 'werkten', participle: 'gewerkt' })).toThrow(ModeNotApplicableError);
    expect(() => checkAnswer(tafel, 'verb-forms', forms)).toThrow(ModeNotApplicableError);
    expect(() => checkAnswer(lopen, 'verb-forms', 'liep')).toThrow(AnswerShapeError);
    expect(() => checkAnswer(lopen, 'recall', forms)).toThrow(AnswerShapeError);
  });
});

describe('normalizeAnswer', () => {
  it('unifies apostrophes and whitespace', () => {
    expect(normalizeAnswer('  auto\u2019s\t ')).toBe("auto's");
    expect(normalizeAnswer('belde\u00a0 op')).toBe('belde op');
  });
});
