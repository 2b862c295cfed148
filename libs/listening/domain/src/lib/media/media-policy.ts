import type { MediaAssetKind } from '@tall/listening/contracts';

/** Every object of the listening context lives under this prefix of the bucket. */
export const LISTENING_MEDIA_PREFIX = 'listening/videos';

interface AssetRule {
  /** Media types accepted, and the file extension each is stored with. */
  types: Record<string, string>;
  maxBytes: number;
}

/** What each kind of media may be: an H.264/AAC MP4, a still image, a WebVTT file. */
export const MEDIA_RULES: Record<MediaAssetKind, AssetRule> = {
  video: { types: { 'video/mp4': 'mp4' }, maxBytes: 2 * 1024 ** 3 },
  poster: { types: { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }, maxBytes: 5 * 1024 ** 2 },
  subtitles: { types: { 'text/vtt': 'vtt' }, maxBytes: 1024 ** 2 },
};

/** Clients never get a playback URL (film, poster, subtitles) that lives longer than 15 minutes. */
export const MAX_PLAYBACK_URL_TTL_SECONDS = 900;

/** A playback URL's lifetime, checked: whole seconds, 1 to 15 minutes. It comes from configuration, never from a client. */
export function checkPlaybackUrlTtl(ttlSeconds: number): number {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_PLAYBACK_URL_TTL_SECONDS) {
    throw new RangeError(`A playback URL lives 1 to ${MAX_PLAYBACK_URL_TTL_SECONDS} seconds, not ${ttlSeconds}`);
  }
  return ttlSeconds;
}

/** An upload the rules refuse: `reason` says which rule. */
export class MediaRejectedError extends Error {
  constructor(
    readonly reason: 'unsupportedType' | 'tooLarge' | 'language',
    message: string,
  ) {
    super(message);
    this.name = 'MediaRejectedError';
  }
}

/** The media type without parameters, in lower case: `text/vtt; charset=utf-8` → `text/vtt`. */
export function baseMediaType(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase();
}

/** Checks a planned upload against its kind's rules; returns the media type to sign the upload for. */
export function checkPlannedUpload(upload: { kind: MediaAssetKind; lang?: string; contentType: string; sizeBytes: number }): string {
  const rule = MEDIA_RULES[upload.kind];
  const type = baseMediaType(upload.contentType);
  if (!(type in rule.types)) {
    throw new MediaRejectedError('unsupportedType', `A ${upload.kind} is ${Object.keys(rule.types).join(' or ')}, not ${type}`);
  }
  if (upload.sizeBytes > rule.maxBytes) throw new MediaRejectedError('tooLarge', `A ${upload.kind} is at most ${rule.maxBytes} bytes; this one has ${upload.sizeBytes}`);
  if (upload.kind === 'subtitles' && !upload.lang) throw new MediaRejectedError('language', 'Subtitles need their language (lang)');
  if (upload.kind !== 'subtitles' && upload.lang) throw new MediaRejectedError('language', `Only subtitles have a language, not a ${upload.kind}`);
  return type;
}

/**
 * Where an upload goes: `listening/videos/<video>/<kind>[-<lang>]-<upload>.<ext>`. Every upload
 * gets a key of its own, so an upload never overwrites media students are watching, and a URL
 * handed out keeps meaning the same bytes.
 */
export function mediaObjectKey(videoId: string, upload: { uploadId: string; kind: MediaAssetKind; lang: string | null; contentType: string }): string {
  const extension = MEDIA_RULES[upload.kind].types[baseMediaType(upload.contentType)] ?? 'bin';
  return `${LISTENING_MEDIA_PREFIX}/${videoId}/${upload.kind}${upload.lang ? `-${upload.lang}` : ''}-${upload.uploadId}.${extension}`;
}

/** What storage holds for a completed upload, against what was agreed; null when it matches. */
export function uploadMismatch(planned: { contentType: string; sizeBytes: number }, stored: { contentType: string; sizeBytes: number }): string | null {
  if (baseMediaType(stored.contentType) !== baseMediaType(planned.contentType)) return `stored as ${stored.contentType}, announced as ${planned.contentType}`;
  if (stored.sizeBytes !== planned.sizeBytes) return `${stored.sizeBytes} bytes stored, ${planned.sizeBytes} announced`;
  return null;
}
