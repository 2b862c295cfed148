import { assertBirthDateInRange } from './birth-date';

describe('assertBirthDateInRange', () => {
  it('accepts no date and dates from 1900 to today', () => {
    for (const date of [null, undefined, '1900-01-01', '2001-05-17', '2026-12-07']) expect(() => assertBirthDateInRange(date, '2026-12-07')).not.toThrow();
  });

  it('refuses dates before 1900 or after today, naming the field', () => {
    for (const date of ['1899-12-31', '0339-07-15', '2026-12-08']) {
      expect(() => assertBirthDateInRange(date, '2026-12-07')).toThrow(expect.objectContaining({ code: 'BIRTH_DATE_OUT_OF_RANGE', details: { fields: [expect.objectContaining({ field: 'birthDate' })] } }));
    }
  });
});
