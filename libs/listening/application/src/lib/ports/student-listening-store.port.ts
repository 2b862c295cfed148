import type { DevicePublicKey, QuestionKind } from '@tall/listening/contracts';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { GivenVideoAnswer, Viewing } from '@tall/listening/domain';
import type { SealedContentKey } from './content-key-vault.port';

/** A student's last answer to one question of a video. */
export interface AnswerRecord {
  userId: string;
  videoId: string;
  questionId: string;
  kind: QuestionKind;
  /** What the student gave; null when skipped. */
  answer: GivenVideoAnswer;
  correct: boolean | null;
  skipped: boolean;
  positionSeconds: number;
  /** How often the student answered this question. */
  attempts: number;
  at: Date;
}

/** A student's device that keeps videos offline, with its content key sealed at rest. */
export interface DeviceRecord {
  deviceId: string;
  userId: string;
  name: string | null;
  publicKey: DevicePublicKey;
  keyThumbprint: string;
  keyId: string;
  /** Null once revoked: the key is destroyed with the revocation. */
  contentKey: SealedContentKey | null;
  registeredAt: Date;
  revokedAt: Date | null;
}

/**
 * What listening keeps of each student, in one document per student: where they are in each
 * video, their answers, and their devices. Events go out with the change that caused them.
 */
export interface StudentListeningStore {
  viewingsOf(userId: string): Promise<Map<string, Viewing>>;
  /** Writes the viewing if its revision is still `expectedRevision` (0: none stored yet), with the events. False when another write came first. */
  saveViewing(userId: string, videoId: string, viewing: Viewing, expectedRevision: number, events: EventEnvelope[]): Promise<boolean>;

  /** The student's last answer to each question of a video. */
  answersOf(userId: string, videoId: string): Promise<AnswerRecord[]>;
  /** Keeps the answer as the question's last (counting the attempt), with its event. */
  saveAnswer(answer: Omit<AnswerRecord, 'attempts'>, event: EventEnvelope): Promise<void>;

  devicesOf(userId: string): Promise<DeviceRecord[]>;
  /** Null when the student has no such device (another student's is none of theirs). */
  device(userId: string, deviceId: string): Promise<DeviceRecord | null>;
  addDevice(device: DeviceRecord): Promise<void>;
  /** Marks the device revoked and destroys its sealed content key; false when it was not there or revoked already. */
  revokeDevice(userId: string, deviceId: string, at: Date): Promise<boolean>;

  /** Everything about a student, for the GDPR export. */
  exportOf(userId: string): Promise<{ viewings: Array<Viewing & { videoId: string }>; answers: AnswerRecord[]; devices: DeviceRecord[] }>;
  erase(userId: string): Promise<void>;
}

export const STUDENT_LISTENING_STORE = Symbol('STUDENT_LISTENING_STORE');
