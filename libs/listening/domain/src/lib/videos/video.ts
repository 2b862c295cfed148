import type { AuthoredQuestion, VideoLevel } from '@tall/listening/contracts';

/** A timed question as stored, answer included; it never goes to a student as it is. */
export type VideoQuestion = AuthoredQuestion;

/** One media object of a video, in place in storage (checked when its upload completed). */
export interface MediaObject {
  key: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: Date;
}

/** The media of a video: the film, its poster and WebVTT subtitles by language. */
export interface VideoMedia {
  video: MediaObject | null;
  poster: MediaObject | null;
  subtitles: Record<string, MediaObject>;
}

/** An upload handed out and not completed yet. */
export interface PendingUpload {
  uploadId: string;
  kind: 'video' | 'poster' | 'subtitles';
  lang: string | null;
  key: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
  expiresAt: Date;
}

/** A video of the listening library: its description, questions and media. */
export interface Video {
  id: string;
  title: string;
  level: VideoLevel;
  /** A dictionary topic slug. */
  topic: string;
  durationSeconds: number;
  questions: VideoQuestion[];
  media: VideoMedia;
  uploads: PendingUpload[];
  createdAt: Date;
  updatedAt: Date;
  /** Optimistic concurrency: bumped by every write. */
  revision: number;
}

/** The language every video has subtitles in: the language taught. */
export const SUBTITLE_LANGUAGE = 'nl';

/** Students see a video once its film, poster and Dutch subtitles are in place. */
export function isMediaReady(media: VideoMedia): boolean {
  return media.video !== null && media.poster !== null && media.subtitles[SUBTITLE_LANGUAGE] !== undefined;
}

/** Subtitle languages in place, the taught language first. */
export function subtitleLanguages(media: VideoMedia): string[] {
  return Object.keys(media.subtitles).sort((a, b) => Number(b === SUBTITLE_LANGUAGE) - Number(a === SUBTITLE_LANGUAGE) || a.localeCompare(b));
}

/** A video's description is wrong for its own length or has questions twice. */
export class VideoDefinitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VideoDefinitionError';
  }
}

/** Checks what a schema cannot: question ids unique, every question inside the video, a multiple-choice answer among its options. */
export function checkVideoDefinition(definition: { durationSeconds: number; questions: readonly VideoQuestion[] }): void {
  const ids = new Set<string>();
  for (const question of definition.questions) {
    if (ids.has(question.id)) throw new VideoDefinitionError(`Question ${question.id} is there twice`);
    ids.add(question.id);
    if (question.atSeconds > definition.durationSeconds) {
      throw new VideoDefinitionError(`Question ${question.id} is asked at ${question.atSeconds} s, after the video's end (${definition.durationSeconds} s)`);
    }
    if (question.kind === 'multipleChoice' && question.answer >= question.options.length) {
      throw new VideoDefinitionError(`Question ${question.id}: the answer ${question.answer} is not one of its ${question.options.length} options (0–${question.options.length - 1})`);
    }
  }
}

/** Questions in the order the player meets them. */
export function questionsInOrder(questions: readonly VideoQuestion[]): VideoQuestion[] {
  return [...questions].sort((a, b) => a.atSeconds - b.atSeconds || a.id.localeCompare(b.id, 'en', { numeric: true }));
}
