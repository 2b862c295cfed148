import { DomainError } from '@tall/platform/errors';

export type ListeningErrorCode =
  | 'VIDEO_NOT_FOUND'
  | 'QUESTION_NOT_FOUND'
  | 'INVALID_ANSWER'
  | 'POSITION_OUT_OF_RANGE'
  | 'INVALID_VIDEO'
  | 'UNSUPPORTED_TYPE'
  | 'TOO_LARGE'
  | 'INVALID_UPLOAD'
  | 'UPLOAD_NOT_FOUND'
  | 'UPLOAD_NOT_RECEIVED'
  | 'UPLOAD_MISMATCH'
  | 'DEVICE_NOT_FOUND'
  | 'DEVICE_REVOKED'
  | 'DEVICE_KEY_REJECTED'
  | 'TOO_MANY_DEVICES';

/** Why listening refuses a request; infrastructure's ListeningErrorMapper gives each code its status. */
export class ListeningError extends DomainError<ListeningErrorCode> {}

export const listeningErrors = {
  videoNotFound: () => new ListeningError('VIDEO_NOT_FOUND', 'No such video'),
  questionNotFound: (questionId: string) => new ListeningError('QUESTION_NOT_FOUND', `The video has no question ${questionId}`),
  deviceNotFound: () => new ListeningError('DEVICE_NOT_FOUND', 'No such device'),
  deviceRevoked: () => new ListeningError('DEVICE_REVOKED', 'This device was revoked: register it anew to get a new content key'),
  uploadNotFound: () => new ListeningError('UPLOAD_NOT_FOUND', 'No such upload for this video'),
};
