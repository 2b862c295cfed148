// The reader's HTTP shapes, by their names in the API's OpenAPI document (generated types).
import type { components, operations } from '@tall/client/api';

type Schemas = components['schemas'];

export type TextList = Schemas['TextListDto'];
export type TextSummary = Schemas['TextSummaryDto'];
export type ReadingPosition = Schemas['ReadingPositionDto'];
export type ReaderText = Schemas['ReaderTextDto'];
export type ReaderParagraph = ReaderText['paragraphs'][number];
export type ReaderSentence = ReaderParagraph['sentences'][number];
export type ReaderToken = ReaderSentence['tokens'][number];
export type TextStats = ReaderText['stats'];
/** What the dictionary (or the student's own words) say about a word: by `wordId`, or `own:<userWordId>`. */
export type ReaderGloss = ReaderText['glosses'][string];
export type VerbForms = NonNullable<ReaderGloss['verbForms']>;
export type ReaderLevel = NonNullable<TextSummary['level']>;
/** The school's library, the student's own imports, and the texts made for tests. */
export type TextSource = TextSummary['source'];
export type WordState = Schemas['WordStateResultDto']['state'];

export type TextListQuery = NonNullable<operations['ReaderController_list_v1']['parameters']['query']>;
/** `?lang=`: the language of the glosses' translations (default `en`). */
export type ReaderTextQuery = NonNullable<operations['ReaderController_open_v1']['parameters']['query']>;
export type PasteTextBody = Schemas['PasteTextDto'];
export type WordStateBody = Schemas['WordStateDto'];
export type WordStateResult = Schemas['WordStateResultDto'];
export type SaveWordBody = Schemas['SaveWordDto'];
export type SavedWord = Schemas['SavedWordDto'];
export type PositionBody = Schemas['PositionDto'];

export type ReaderTest = Schemas['ReaderTestDto'];
export type PublicQuestion = ReaderTest['questions'][number];
export type AttemptSummary = ReaderTest['attempts'][number];
export type AttemptBody = Schemas['AttemptDto'];
/** An option's index, true/false, a short text, or the items in the chosen order. */
export type TestAnswer = AttemptBody['answers'][number]['answer'];
export type AttemptResult = Schemas['AttemptResultDto'];

/** A word is named by its dictionary id when it has one, else by its dictionary form. */
export type WordRef = { wordId: string } | { lemma: string };

export const READER_LEVELS: readonly ReaderLevel[] = ['A1', 'A2', 'B1', 'B2', 'C1'];
export const TEXT_SOURCES: readonly TextSource[] = ['library', 'own', 'test'];
export const WORD_STATES: readonly WordState[] = ['new', 'learning', 'known', 'ignored'];
/** The most characters a pasted text may have (a book goes as a file). */
export const PASTED_TEXT_MAX_CHARACTERS = 100_000;
