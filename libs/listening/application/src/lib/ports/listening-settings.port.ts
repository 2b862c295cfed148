import { MAX_PLAYBACK_URL_TTL_SECONDS } from '@tall/listening/domain';

/** How long pre-signed URLs live. */
export interface ListeningSettings {
  /** Playback, posters and subtitles: default 10 minutes, at most 15. */
  urlTtlSeconds: number;
  /** An admin's upload. */
  uploadTtlSeconds: number;
}

export const DEFAULT_URL_TTL_SECONDS = 600;
export const MAX_URL_TTL_SECONDS = MAX_PLAYBACK_URL_TTL_SECONDS;
export const DEFAULT_UPLOAD_TTL_SECONDS = 900;

export const LISTENING_SETTINGS = Symbol('LISTENING_SETTINGS');

/** The listening context's clock. */
export type ListeningClock = () => Date;
export const LISTENING_CLOCK = Symbol('LISTENING_CLOCK');
