// Listening's HTTP shapes, by their names in the API's OpenAPI document (generated types).
import type { components, operations } from '@tall/client/api';

type Schemas = components['schemas'];

export type VideoList = Schemas['VideoListDto'];
export type VideoSummary = VideoList['items'][number];
export type ViewingPosition = Schemas['ViewingPositionDto'];
export type VideoView = Schemas['VideoDto'];
export type VideoQuestion = VideoView['questions'][number];
export type QuestionKind = VideoQuestion['kind'];
/** The student's last answer to a question, as the API keeps it (null verdict: skipped). */
export type GivenAnswer = VideoView['answers'][number];
export type VideoSubtitles = VideoView['subtitles'][number];
export type VideoLevel = VideoView['level'];
export type VideoListQuery = NonNullable<operations['ListeningController_list_v1']['parameters']['query']>;
export type VideoAnswerBody = Schemas['VideoAnswerDto'];
/** An option's index (multiple choice), true/false, or a few words; null: skipped. */
export type VideoAnswer = VideoAnswerBody['answer'];
export type VideoPositionBody = Schemas['VideoPositionDto'];
/**
 * The server's verdict with the expected answer: the right option's text, true/false, or an
 * accepted answer. (The generated type says `string[]`: the generator reads the contract's
 * string-or-boolean union as an array; the API sends one value.)
 */
export type VideoAnswerResult = Omit<Schemas['VideoAnswerResultDto'], 'expected'> & { expected: string | boolean };

export const VIDEO_LEVELS: readonly VideoLevel[] = ['A1', 'A2', 'B1', 'B2', 'C1'];
/** The language of the spoken text and its subtitles; any other subtitles are a translation. */
export const SPOKEN_LANGUAGE = 'nl';
