import { Schema } from 'mongoose';
import { outboxSchemaFields, type OutboxFields } from '@tall/platform/events';
import { listeningModel } from './listening-connection';

const Mixed = Schema.Types.Mixed;

/** A video of the library (`_id`: its slug): description, questions with answers, media and open uploads. */
export interface VideoDocument {
  _id: string;
  title: string;
  level: string;
  topic: string;
  durationSeconds: number;
  questions: unknown[];
  media: { video: StoredMediaObject | null; poster: StoredMediaObject | null; subtitles: Record<string, StoredMediaObject> };
  /** Denormalized from `media`, so students' lists are one indexed query. */
  mediaReady: boolean;
  uploads: unknown[];
  createdAt: Date;
  updatedAt: Date;
  revision: number;
}

export interface StoredMediaObject {
  key: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: Date;
}

export const VIDEO_MODEL = listeningModel<VideoDocument>('ListeningVideo', 'listening_videos', {
  _id: String,
  title: String,
  level: String,
  topic: String,
  durationSeconds: Number,
  questions: Mixed,
  media: Mixed,
  mediaReady: Boolean,
  uploads: Mixed,
  createdAt: Date,
  updatedAt: Date,
  revision: Number,
});

/**
 * One student's listening (`_id`: the user id): where they are in each video, their last answer
 * to each question, their devices. One document, so a video page reads the student once; the
 * watching and answer events are written inside it. Field names are video slugs, question ids
 * and device UUIDs, all safe as MongoDB field names.
 */
export interface StudentListeningDocument extends OutboxFields {
  _id: string;
  viewings: Record<string, StoredViewing>;
  answers: Record<string, Record<string, StoredAnswer>>;
  devices: Record<string, StoredDevice>;
  updatedAt: Date;
}

export interface StoredViewing {
  positionSeconds: number;
  watchedSeconds: number;
  completed: boolean;
  startedAt: Date;
  progressReportedAt: Date | null;
  updatedAt: Date;
  revision: number;
}

export interface StoredAnswer {
  kind: string;
  answer: number | boolean | string | null;
  correct: boolean | null;
  skipped: boolean;
  positionSeconds: number;
  attempts: number;
  at: Date;
}

export interface StoredDevice {
  name: string | null;
  publicKey: Record<string, unknown>;
  keyThumbprint: string;
  keyId: string;
  contentKey: { keyVersion: string; sealed: string } | null;
  registeredAt: Date;
  revokedAt: Date | null;
}

export const STUDENT_LISTENING_MODEL = listeningModel<StudentListeningDocument>('ListeningStudent', 'listening_students', {
  _id: String,
  viewings: Mixed,
  answers: Mixed,
  devices: Mixed,
  updatedAt: Date,
  ...outboxSchemaFields(),
});

export const LISTENING_MODELS = [VIDEO_MODEL, STUDENT_LISTENING_MODEL] as const;
/** Collections whose documents carry outboxes. */
export const LISTENING_OUTBOX_COLLECTIONS = [STUDENT_LISTENING_MODEL.collection] as const;
