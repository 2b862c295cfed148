import { domainErrorMapper } from '@tall/platform/http';
import { ProgressError } from '@tall/progress/application';

/** A teacher's id for a student not theirs is 404 like an unknown one (see GetStudentRecordHandler). */
export const ProgressErrorMapper = domainErrorMapper(ProgressError, {
  statuses: {
    FORBIDDEN: 403,
    STUDENT_NOT_FOUND: 404,
  },
});
