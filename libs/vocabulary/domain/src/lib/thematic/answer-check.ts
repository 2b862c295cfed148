import { normalizeTypedAnswer } from '@tall/platform/text';
import type { ThematicAnswer, ThematicMode } from '@tall/vocabulary/contracts';
import { FALLBACK_LANGUAGE, isApplicable, translationOf, type DictionaryWord } from '../dictionary/dictionary-word';

export interface VerbForms {
  pastSingular: string;
  pastPlural: string;
  participle: string;
}

export interface AnswerVerdict {
  correct: boolean;
  /** What the card asked for, shown after answering. */
  expected: string | VerbForms;
}

/** The mode does not apply to the word (de/het for a verb, verb forms for a regular verb). */
export class ModeNotApplicableError extends Error {
  constructor(
    readonly wordId: string,
    readonly mode: ThematicMode,
  ) {
    super(`The ${mode} drill does not apply to this word`);
    this.name = 'ModeNotApplicableError';
  }
}

/** The answer has the wrong shape for the mode (the three forms for verb forms, a string otherwise). */
export class AnswerShapeError extends Error {
  constructor(readonly mode: ThematicMode) {
    super(mode === 'verb-forms' ? 'A verb-forms answer has pastSingular, pastPlural and participle' : `A ${mode} answer is a string`);
    this.name = 'AnswerShapeError';
  }
}

/**
 * Tolerant of case, of spaces around and inside (several become one), of Unicode composition
 * and of typographic apostrophes; strict on every letter and accent.
 */
export const normalizeAnswer = normalizeTypedAnswer;

/** A stored form may list accepted variants with `/` (`vroeg/vraagde`). */
function variants(form: string): string[] {
  return form
    .split('/')
    .map(normalizeAnswer)
    .filter((variant) => variant.length > 0);
}

function matches(answer: string, form: string): boolean {
  return variants(form).includes(normalizeAnswer(answer));
}

/**
 * Checks an answer to a thematic card on the server. `lang` is the language of translations
 * shown to the student (recognition options, the expected translation).
 */
export function checkAnswer(word: DictionaryWord, mode: ThematicMode, answer: ThematicAnswer, lang = FALLBACK_LANGUAGE): AnswerVerdict {
  if (!isApplicable(word, mode)) throw new ModeNotApplicableError(word.id, mode);
  if (mode === 'verb-forms') {
    if (typeof answer === 'string' || !word.verb) throw new AnswerShapeError(mode);
    const expected = { pastSingular: word.verb.pastSingular, pastPlural: word.verb.pastPlural, participle: word.verb.participle };
    const correct =
      matches(answer.pastSingular, expected.pastSingular) && matches(answer.pastPlural, expected.pastPlural) && matches(answer.participle, expected.participle);
    return { correct, expected };
  }
  if (typeof answer !== 'string') throw new AnswerShapeError(mode);
  switch (mode) {
    case 'recognition': {
      // The options were the translations in the student's language; any language's
      // translation of this word is this word (distractors never share its text).
      const given = normalizeAnswer(answer);
      const correct = given.length > 0 && Object.values(word.translations).some((translation) => normalizeAnswer(translation) === given);
      return { correct, expected: translationOf(word, lang) };
    }
    case 'recall': {
      const lemma = normalizeAnswer(word.lemma);
      const given = normalizeAnswer(answer);
      const withArticle = word.article ? `${word.article} ${lemma}` : null;
      return { correct: given === lemma || given === withArticle, expected: withArticle ? `${word.article} ${word.lemma}` : word.lemma };
    }
    case 'article': {
      return { correct: normalizeAnswer(answer) === word.article, expected: word.article as string };
    }
  }
}
