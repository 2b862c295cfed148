import { ProgressError } from '../progress-error';

/** Students, TECH_ADMIN: the teacher routes are not theirs. */
export const notAFollower = () => new ProgressError('FORBIDDEN', 'Only teachers and educational admins follow students');

/** Unknown, and not one of the teacher's students, answer alike: the answer never tells whether a student exists (OWASP API1). */
export const studentNotFound = () => new ProgressError('STUDENT_NOT_FOUND', 'Student not found');
