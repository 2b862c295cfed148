import type { CefrLevel, ThematicMode } from '@tall/vocabulary/contracts';

export type Article = 'de' | 'het';

export interface VerbDetails {
  irregular: boolean;
  /** hij/zij … in a main clause (`belt op`). */
  presentThirdSingular: string;
  pastSingular: string;
  pastPlural: string;
  participle: string;
  /** `hebben`, `zijn`, or both. */
  auxiliary: string;
  separablePrefix: string | null;
}

export interface DictionaryTopic {
  id: string;
  slug: string;
  title: { nl: string; en: string };
  level: CefrLevel;
  order: number;
}

/** A word of the school's global dictionary, in one topic. */
export interface DictionaryWord {
  id: string;
  topicId: string;
  /** Position in its topic: new words are introduced in this order. */
  order: number;
  /** Without the article: `tafel`, not `de tafel`. */
  lemma: string;
  pos: string;
  article: Article | null;
  plural: string | null;
  /** A noun used only in the plural (de kosten). */
  pluralOnly: boolean;
  verb: VerbDetails | null;
  /** By language code; `en` and `ru` at least. */
  translations: Record<string, string>;
  example: { nl: string; en: string };
}

export const FALLBACK_LANGUAGE = 'en';

/** The word's translation in `lang`, or in English when it has none in that language. */
export function translationOf(word: Pick<DictionaryWord, 'translations'>, lang: string): string {
  return word.translations[lang] ?? word.translations[FALLBACK_LANGUAGE] ?? Object.values(word.translations)[0] ?? '';
}

/**
 * The card modes a word can be drilled in: every word in recognition and recall, nouns with
 * an article also in the de/het drill (not plural-only nouns: a plural always takes de),
 * irregular verbs also in the verb-forms drill.
 */
export function applicableModes(word: Pick<DictionaryWord, 'article' | 'pluralOnly' | 'verb'>): ThematicMode[] {
  const modes: ThematicMode[] = ['recognition', 'recall'];
  if (word.article && !word.pluralOnly) modes.push('article');
  if (word.verb?.irregular) modes.push('verb-forms');
  return modes;
}

export function isApplicable(word: Pick<DictionaryWord, 'article' | 'pluralOnly' | 'verb'>, mode: ThematicMode): boolean {
  return applicableModes(word).includes(mode);
}
