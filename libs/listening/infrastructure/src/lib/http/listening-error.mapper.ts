import { domainErrorMapper } from '@tall/platform/http';
import { ListeningError } from '@tall/listening/application';

export const ListeningErrorMapper = domainErrorMapper(ListeningError, {
  statuses: {
    VIDEO_NOT_FOUND: 404,
    QUESTION_NOT_FOUND: 404,
    INVALID_ANSWER: 422,
    POSITION_OUT_OF_RANGE: 422,
    INVALID_VIDEO: 422,
    UNSUPPORTED_TYPE: 415,
    TOO_LARGE: 413,
    INVALID_UPLOAD: 422,
    UPLOAD_NOT_FOUND: 404,
    UPLOAD_NOT_RECEIVED: 409,
    UPLOAD_MISMATCH: 422,
    DEVICE_NOT_FOUND: 404,
    DEVICE_REVOKED: 410,
    DEVICE_KEY_REJECTED: 422,
    TOO_MANY_DEVICES: 409,
  },
});
