import { statementName } from './statement-name';

describe('statementName', () => {
  it('keeps short names and shortens long ones without collisions', () => {
    expect(statementName('progress:students:teacher:streak:desc')).toBe('progress:students:teacher:streak:desc');
    const schema = 'progress_int_' + 'x'.repeat(50);
    const a = statementName(`${schema}:students:teacher:streak:desc`);
    const b = statementName(`${schema}:students:teacher:streak:asc`);
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(63);
    expect(Buffer.byteLength(b)).toBeLessThanOrEqual(63);
    expect(a).not.toBe(b);
  });
});
