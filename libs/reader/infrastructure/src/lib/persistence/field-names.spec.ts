import { fieldName, keyOfFieldName } from './field-names';

describe('field names of word keys', () => {
  it.each(['word:o.a', 'function:de', '$where', 'word:100%', 'kitchen:pan', 'word:z.s.m.', 'word:één', 'word:\u{a67c1}\u0085', 'word:\u2028x'])('keeps %s a plain field name and reads it back', (key) => {
    const field = fieldName(key);
    expect(field).toMatch(/^[A-Za-z0-9_:%-]+$/);
    expect(keyOfFieldName(field)).toBe(key);
  });
});
