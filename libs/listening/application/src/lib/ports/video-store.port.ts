import type { VideoLevel } from '@tall/listening/contracts';
import type { Video } from '@tall/listening/domain';

export interface VideoFilter {
  level?: VideoLevel;
  topic?: string;
  /** Only videos whose media are in place: what students see. */
  readyOnly: boolean;
}

/** The listening library (no student data): descriptions, questions with answers, media and open uploads. */
export interface VideoStore {
  /** By level, then title. */
  list(filter: VideoFilter): Promise<Video[]>;
  get(id: string): Promise<Video | null>;
  /** Writes the video if its stored revision is still `expectedRevision` (0: not stored yet); false when another write came first. */
  save(video: Video, expectedRevision: number): Promise<boolean>;
}

export const VIDEO_STORE = Symbol('VIDEO_STORE');
