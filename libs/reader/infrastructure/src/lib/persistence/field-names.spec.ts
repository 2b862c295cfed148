import { fieldName, keyOfFieldName } from './field-names';

describe('field names of word keys', () => {
  it.each(['word:o.a', 'function:de', '$where', 'word:100%', 'kitchen:pan', 'word:z.s.m.'])('keeps %s a plain field name and reads it back', (key) => {
    const field = fieldName(key);
    expect(field).not.toMatch(/[.$]/);
    expect(keyOfFieldName(field)).toBe(key);
  });
});
