import { z } from 'zod';
import { typedText } from '@tall/platform/text';
import { QuestionKindSchema, VideoLevelSchema } from '../listening-events';

// Simple patterns on purpose: the contract fuzzer must be able to generate them (a nested group under
// a length limit made it filter out too many examples).
const Id = z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens').min(1).max(64);
const Slug = z.string().regex(/^[a-z0-9-]+$/, 'must be a topic slug').min(1).max(80);
const LanguageSchema = z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code');
const QuestionId = z.string().regex(/^q[1-9][0-9]?$/, 'q1, q2, …');
/** The longest video Tall takes: ten hours, far beyond a lesson. */
export const MAX_VIDEO_SECONDS = 36_000;
const Seconds = z.number().min(0).max(MAX_VIDEO_SECONDS);

/** `GET /api/v1/listening/videos?level=&topic=` */
export const VideoListQuerySchema = z.strictObject({
  level: VideoLevelSchema.optional(),
  /** A dictionary topic slug. */
  topic: Slug.optional(),
});
export type VideoListQuery = z.infer<typeof VideoListQuerySchema>;

export const VideoParamsSchema = z.strictObject({ id: Id });

/** Where a student is in a video, and how long they watched it. */
export const ViewingPositionSchema = z.object({
  positionSeconds: z.number().min(0),
  /** Seconds spent watching this video in total. */
  watchedSeconds: z.number().min(0),
  /** The student watched it to the end once. */
  completed: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type ViewingPosition = z.infer<typeof ViewingPositionSchema>;

export const VideoSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  level: VideoLevelSchema,
  topic: z.string(),
  durationSeconds: z.number().min(0),
  /** Pre-signed, short-lived (see urlsExpireAt): fetch it again with the list once expired. */
  posterUrl: z.url(),
  questionCount: z.int().min(0),
  /** Null when the student never watched it. */
  position: ViewingPositionSchema.nullable(),
});
export type VideoSummary = z.infer<typeof VideoSummarySchema>;

export const VideoListSchema = z.object({
  items: z.array(VideoSummarySchema),
  /** When the pre-signed URLs of this answer stop working. */
  urlsExpireAt: z.iso.datetime(),
});
export type VideoList = z.infer<typeof VideoListSchema>;

/** A timed question as a student gets it: no answer in it. */
export const PublicVideoQuestionSchema = z.object({
  id: z.string(),
  /** The player pauses here and asks. */
  atSeconds: z.number().min(0),
  kind: QuestionKindSchema,
  prompt: z.string(),
  /** Multiple choice only: answered by index. */
  options: z.array(z.string()).optional(),
});
export type PublicVideoQuestion = z.infer<typeof PublicVideoQuestionSchema>;

export const GivenVideoAnswerSchema = z.object({
  questionId: z.string(),
  /** Null when skipped. */
  correct: z.boolean().nullable(),
  skipped: z.boolean(),
  at: z.iso.datetime(),
});

/** `GET /api/v1/listening/videos/:id` */
export const VideoSchema = z.object({
  id: z.string(),
  title: z.string(),
  level: VideoLevelSchema,
  topic: z.string(),
  durationSeconds: z.number().min(0),
  /** H.264/AAC MP4, pre-signed and short-lived; range requests work. */
  streamUrl: z.url(),
  posterUrl: z.url(),
  /** WebVTT, pre-signed: Dutch always, a translation when there is one. */
  subtitles: z.array(z.object({ lang: z.string(), url: z.url() })),
  questions: z.array(PublicVideoQuestionSchema),
  /** Where to resume; null when never watched. */
  position: ViewingPositionSchema.nullable(),
  /** The student's last answer to each question answered so far. */
  answers: z.array(GivenVideoAnswerSchema),
  urlsExpireAt: z.iso.datetime(),
});
export type VideoView = z.infer<typeof VideoSchema>;

/** `POST /api/v1/listening/videos/:id/answers` */
export const VideoAnswerBodySchema = z.strictObject({
  questionId: QuestionId,
  /** The option's index (multiple choice), true/false, or a few words; null: skipped. */
  answer: z.union([z.int().min(0).max(9), z.boolean(), typedText({ max: 200 })]).nullable(),
  /** Where the player was when the student answered. */
  positionSeconds: Seconds,
});
export type VideoAnswerBody = z.infer<typeof VideoAnswerBodySchema>;

export const VideoAnswerResultSchema = z.object({
  questionId: z.string(),
  /** Null when skipped. */
  correct: z.boolean().nullable(),
  skipped: z.boolean(),
  /** The right option, the right value, or an accepted answer: shown after answering. */
  expected: z.union([z.string(), z.boolean()]),
});
export type VideoAnswerResult = z.infer<typeof VideoAnswerResultSchema>;

/** `PUT /api/v1/listening/videos/:id/position` */
export const VideoPositionBodySchema = z.strictObject({
  positionSeconds: Seconds,
  /** Seconds watched since the last report (the client counts only while playing). */
  watchedSeconds: z.number().min(0).max(3_600),
});
export type VideoPositionBody = z.infer<typeof VideoPositionBodySchema>;

/**
 * A device's RSA public key as a JWK (RFC 7517), as WebCrypto exports it: RSA-OAEP with SHA-256,
 * the public exponent 65537, a modulus of 2048 to 4096 bits. Private members are refused.
 */
export const DevicePublicKeySchema = z.strictObject({
  kty: z.literal('RSA'),
  alg: z.literal('RSA-OAEP-256'),
  /** The modulus, base64url: 342 characters for 2048 bits, 683 for 4096. */
  n: z.string().regex(/^[A-Za-z0-9_-]+$/, 'base64url without padding').min(342).max(683),
  e: z.literal('AQAB'),
  use: z.literal('enc').optional(),
  key_ops: z.array(z.enum(['encrypt', 'wrapKey'])).min(1).max(2).optional(),
  ext: z.boolean().optional(),
});
export type DevicePublicKey = z.infer<typeof DevicePublicKeySchema>;

/** `POST /api/v1/listening/devices` */
export const RegisterDeviceBodySchema = z.strictObject({
  publicKey: DevicePublicKeySchema,
  /** What the student calls the device. */
  name: typedText({ min: 1, max: 80 }).optional(),
});
export type RegisterDeviceBody = z.infer<typeof RegisterDeviceBodySchema>;

export const DeviceSchema = z.object({
  deviceId: z.uuid(),
  name: z.string().nullable(),
  /** RFC 7638 SHA-256 thumbprint of the public key, base64url. */
  keyThumbprint: z.string(),
  registeredAt: z.iso.datetime(),
});
export type Device = z.infer<typeof DeviceSchema>;

export const DeviceParamsSchema = z.strictObject({ deviceId: z.uuid() });

/** `POST /api/v1/listening/devices/:deviceId/content-key` */
export const ContentKeySchema = z.object({
  deviceId: z.uuid(),
  /** Changes only if the device is registered anew. */
  keyId: z.string(),
  /** How `wrappedKey` was made: RSA-OAEP with SHA-256 under the device's public key. */
  algorithm: z.literal('RSA-OAEP-256'),
  /** What the key is for: AES-256-GCM over the videos the device keeps. */
  encryption: z.literal('A256GCM'),
  /** The 256-bit content key, wrapped, base64url. */
  wrappedKey: z.string(),
  issuedAt: z.iso.datetime(),
});
export type ContentKey = z.infer<typeof ContentKeySchema>;

/** A timed question as an admin writes it: with its answer. */
export const AuthoredQuestionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id: QuestionId,
    kind: z.literal('multipleChoice'),
    atSeconds: Seconds,
    prompt: typedText({ min: 3, max: 300 }),
    options: z.array(typedText({ min: 1, max: 150 })).min(2).max(6),
    /** Index of the right option. */
    answer: z.int().min(0).max(5),
  }),
  z.strictObject({ id: QuestionId, kind: z.literal('trueFalse'), atSeconds: Seconds, prompt: typedText({ min: 3, max: 300 }), answer: z.boolean() }),
  z.strictObject({
    id: QuestionId,
    kind: z.literal('shortAnswer'),
    atSeconds: Seconds,
    prompt: typedText({ min: 3, max: 300 }),
    /** Every answer accepted; matched forgiving case, spaces, apostrophes and a closing full stop. */
    answers: z.array(typedText({ min: 1, max: 80 })).min(1).max(6),
  }),
]);
export type AuthoredQuestion = z.infer<typeof AuthoredQuestionSchema>;

/** `PUT /api/v1/listening/admin/videos/:id`: a video's description; its media come by upload. */
export const VideoDefinitionBodySchema = z.strictObject({
  title: typedText({ min: 3, max: 120 }),
  level: VideoLevelSchema,
  topic: Slug,
  durationSeconds: z.number().gt(0).max(MAX_VIDEO_SECONDS),
  questions: z.array(AuthoredQuestionSchema).max(20),
});
export type VideoDefinitionBody = z.infer<typeof VideoDefinitionBodySchema>;

export const MediaAssetKindSchema = z.enum(['video', 'poster', 'subtitles']);
export type MediaAssetKind = z.infer<typeof MediaAssetKindSchema>;

/** What an admin sees of a video: the description with answers, and which media are in place. */
export const AdminVideoSchema = VideoDefinitionBodySchema.extend({
  id: z.string(),
  media: z.object({
    video: z.boolean(),
    poster: z.boolean(),
    /** Languages of the subtitles in place. */
    subtitles: z.array(z.string()),
  }),
  /** Listed to students: the video, its poster and Dutch subtitles are in place. */
  mediaReady: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type AdminVideo = z.infer<typeof AdminVideoSchema>;

/** `POST /api/v1/listening/admin/videos/:id/uploads` */
export const CreateUploadBodySchema = z.strictObject({
  kind: MediaAssetKindSchema,
  /** Subtitles only: the language of the WebVTT file. */
  lang: LanguageSchema.optional(),
  contentType: z.string().min(3).max(100),
  sizeBytes: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
});
export type CreateUploadBody = z.infer<typeof CreateUploadBodySchema>;

export const UploadTicketSchema = z.object({
  uploadId: z.uuid(),
  method: z.literal('PUT'),
  /** Pre-signed: PUT the file's bytes here, straight to storage. */
  url: z.url(),
  /** Send exactly these headers with the PUT. */
  headers: z.record(z.string(), z.string()),
  expiresAt: z.iso.datetime(),
});
export type UploadTicket = z.infer<typeof UploadTicketSchema>;

export const UploadParamsSchema = z.strictObject({ id: Id, uploadId: z.uuid() });
