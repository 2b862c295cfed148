import type { StudentSummary } from '@tall/progress/contracts';
import { csvField, neutraliseFormula, studentsCsv } from './students-csv';

const row = (overrides: Partial<StudentSummary>): StudentSummary => ({
  studentId: '11111111-1111-4111-8111-111111111111',
  name: { firstName: 'Eva', lastName: 'de Vries' },
  status: 'active',
  lastActiveAt: '2026-05-12T18:00:00.000Z',
  daysActive: 5,
  streak: 3,
  masteredThisWeek: -2,
  wordsMastered: 7,
  reviews: 40,
  accuracy: 0.8125,
  inactive: false,
  inactiveDays: 0,
  ...overrides,
});

describe('students CSV', () => {
  it('quotes per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hoi"')).toBe('"say ""hoi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+31', '-cmd', '@SUM(A1)', '\tx', 'Anna'].map(neutraliseFormula)).toEqual(["'=1+1", "'+31", "'-cmd", "'@SUM(A1)", "'\tx", 'Anna']);
  });

  it('writes a header and one CRLF-terminated line per student, numbers as numbers', () => {
    const csv = studentsCsv([
      row({}),
      row({ studentId: '22222222-2222-4222-8222-222222222222', name: { firstName: '=HYPERLINK("http://x")', lastName: 'O, Brien' }, accuracy: null, lastActiveAt: null, inactive: true, inactiveDays: null }),
      row({ studentId: '33333333-3333-4333-8333-333333333333', name: null }),
    ]);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
    expect(lines[0]).toBe('student_id,first_name,last_name,status,last_active_at,days_active,streak_days,mastered_this_week,words_mastered,reviews,accuracy_percent,inactive,inactive_days');
    expect(lines[1]).toBe('11111111-1111-4111-8111-111111111111,Eva,de Vries,active,2026-05-12T18:00:00.000Z,5,3,-2,7,40,81.3,no,0');
    expect(lines[2]).toBe('22222222-2222-4222-8222-222222222222,"\'=HYPERLINK(""http://x"")","O, Brien",active,,5,3,-2,7,40,,yes,');
    expect(lines[3]).toBe('33333333-3333-4333-8333-333333333333,,,active,2026-05-12T18:00:00.000Z,5,3,-2,7,40,81.3,no,0');
  });
});
