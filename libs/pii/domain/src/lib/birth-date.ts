import { PiiError } from './pii-error';

export const EARLIEST_BIRTH_DATE = '1900-01-01';

/**
 * No one using Tall was born before 1900 or after today (UTC). A rule on a well-formed date, so a
 * refusal is 422, not the 400 of a malformed one; `today` is `YYYY-MM-DD`.
 */
export function assertBirthDateInRange(birthDate: string | null | undefined, today: string): void {
  if (birthDate === null || birthDate === undefined) return;
  if (birthDate < EARLIEST_BIRTH_DATE || birthDate > today) {
    throw new PiiError('BIRTH_DATE_OUT_OF_RANGE', {
      fields: [{ field: 'birthDate', code: 'out_of_range', message: `Must be a date between ${EARLIEST_BIRTH_DATE} and today` }],
    });
  }
}
