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
  textsRead: 4,
  testsTaken: 3,
  averageTestScore: 200 / 3,
  lastTestScore: 80,
  videosWatched: 2,
  answerRate: 5 / 6,
  exercisesDone: 3,
  averageExerciseScore: 62.5,
  ...overrides,
});

/** Splits one line the way a spreadsheet that ignores quotes would, on `separator`. */
const piecesOn = (line: string, separator: string) => line.split(separator).map((piece) => piece.replace(/^[ "]+/, ''));

/** A minimal RFC 4180 reader for one line without line breaks inside fields. */
function parseLine(line: string): string[] {
  const fields: string[] = [];
  const pattern = /"((?:[^"]|"")*)"(,|$)/y;
  while (pattern.lastIndex < line.length) {
    const match = pattern.exec(line);
    if (!match) throw new Error(`not every field is quoted at ${pattern.lastIndex}: ${line}`);
    fields.push(match[1].replace(/""/g, '"'));
    if (match[2] === '') break;
  }
  return fields;
}

describe('students CSV', () => {
  it('quotes every field per RFC 4180, doubling quotes', () => {
    expect(csvField('plain')).toBe('"plain"');
    expect(csvField('')).toBe('""');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hoi"')).toBe('"say ""hoi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it('neutralises text a spreadsheet would run as a formula, at the start', () => {
    expect(['=1+1', '+31', '-cmd', '@SUM(A1)', '\tx', '\rx', ' =1', '"=1', '\uff1d1', 'Anna', 'Anne-Marie', "O'Brien"].map(neutraliseFormula)).toEqual([
      "'=1+1",
      "'+31",
      "'-cmd",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      "' =1",
      '\'"=1',
      "'\uff1d1",
      'Anna',
      'Anne-Marie',
      "O'Brien",
    ]);
  });

  it('neutralises a formula after every separator a spreadsheet might split on', () => {
    expect(neutraliseFormula('Jan;=HYPERLINK("http://x")')).toBe('Jan;\'=HYPERLINK("http://x")');
    expect(neutraliseFormula('Jansen;=1+1')).toBe("Jansen;'=1+1");
    expect(neutraliseFormula('a,+1')).toBe("a,'+1");
    expect(neutraliseFormula('a\t@x')).toBe("a\t'@x");
    expect(neutraliseFormula('a\r\n-1')).toBe("a\r\n'-1");
    expect(neutraliseFormula('a; "=1')).toBe('a;\' "=1');
    expect(neutraliseFormula('a;;=1')).toBe("a;;'=1");
    // A separator with nothing dangerous after it is left alone.
    expect(neutraliseFormula('de Vries; Jansen, Anna')).toBe('de Vries; Jansen, Anna');
  });

  it('writes a quoted header and one quoted, CRLF-terminated line per student, numbers as numbers', () => {
    const csv = studentsCsv([
      row({}),
      row({
        studentId: '22222222-2222-4222-8222-222222222222', name: { firstName: '=HYPERLINK("http://x")', lastName: 'O, Brien' }, accuracy: null, lastActiveAt: null, inactive: true, inactiveDays: null,
        textsRead: 0, testsTaken: 0, averageTestScore: null, lastTestScore: null, videosWatched: 0, answerRate: null, exercisesDone: 0, averageExerciseScore: null,
      }),
      row({ studentId: '33333333-3333-4333-8333-333333333333', name: null }),
    ]);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
    expect(lines[0]).toBe(
      '"student_id","first_name","last_name","status","last_active_at","days_active","streak_days","mastered_this_week","words_mastered","reviews","accuracy_percent","inactive","inactive_days","texts_read","tests_taken","average_test_score_percent","last_test_score_percent","videos_watched","answer_rate_percent","exercises_done","average_exercise_score_percent"',
    );
    expect(lines[1]).toBe('"11111111-1111-4111-8111-111111111111","Eva","de Vries","active","2026-05-12T18:00:00.000Z","5","3","-2","7","40","81.3","no","0","4","3","66.7","80","2","83.3","3","62.5"');
    expect(lines[2]).toBe('"22222222-2222-4222-8222-222222222222","\'=HYPERLINK(""http://x"")","O, Brien","active","","5","3","-2","7","40","","yes","","0","0","","","0","","0",""');
    expect(lines[3]).toBe('"33333333-3333-4333-8333-333333333333","","","active","2026-05-12T18:00:00.000Z","5","3","-2","7","40","81.3","no","0","4","3","66.7","80","2","83.3","3","62.5"');
    // A negative number is ours and stays a number, not a neutralised text.
    expect(parseLine(lines[1])[7]).toBe('-2');
  });

  it('leaves no formula cell for a spreadsheet splitting on ; , or tab, whatever the name holds', () => {
    const hostile = ['Jansen;=1+1', 'a,=cmd|calc', 'x\t+1', 'y;"=2', 'z; -3', '@A1;@B2', 'line\n=1'];
    const csv = studentsCsv(hostile.map((lastName, index) => row({ studentId: `id-${index}`, name: { firstName: lastName, lastName } })));
    const lines = csv.split('\r\n').slice(1, -1).join('\n').split('\n');
    for (const line of lines) {
      for (const separator of [';', ',', '\t']) {
        for (const piece of piecesOn(line, separator)) {
          // Only our own numbers (the "-2" of mastered_this_week) may start with a sign.
          if (/^-?\d+(\.\d+)?"?$/.test(piece)) continue;
          expect({ line, separator, piece, formula: /^[=+\-@\t\r]/.test(piece) }).toMatchObject({ formula: false });
        }
      }
    }
    // Read back per RFC 4180, the cells hold the names with their guards.
    const first = parseLine(csv.split('\r\n')[1]);
    expect(first.slice(0, 3)).toEqual(['id-0', "Jansen;'=1+1", "Jansen;'=1+1"]);
  });
});
