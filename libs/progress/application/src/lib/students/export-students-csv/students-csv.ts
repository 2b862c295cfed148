import type { StudentSummary } from '@tall/progress/contracts';

const COLUMNS: ReadonlyArray<[header: string, cell: (row: StudentSummary) => string | number | null, kind: 'text' | 'number']> = [
  ['student_id', (row) => row.studentId, 'text'],
  ['first_name', (row) => row.name?.firstName ?? null, 'text'],
  ['last_name', (row) => row.name?.lastName ?? null, 'text'],
  ['status', (row) => row.status, 'text'],
  ['last_active_at', (row) => row.lastActiveAt, 'text'],
  ['days_active', (row) => row.daysActive, 'number'],
  ['streak_days', (row) => row.streak, 'number'],
  ['mastered_this_week', (row) => row.masteredThisWeek, 'number'],
  ['words_mastered', (row) => row.wordsMastered, 'number'],
  ['reviews', (row) => row.reviews, 'number'],
  ['accuracy_percent', (row) => (row.accuracy === null ? null : percentCell(row.accuracy * 100)), 'number'],
  ['inactive', (row) => (row.inactive ? 'yes' : 'no'), 'text'],
  ['inactive_days', (row) => row.inactiveDays, 'number'],
  // Appended, so the columns before them keep their places in existing spreadsheets.
  ['texts_read', (row) => row.textsRead, 'number'],
  ['tests_taken', (row) => row.testsTaken, 'number'],
  ['average_test_score_percent', (row) => percentCell(row.averageTestScore), 'number'],
  ['last_test_score_percent', (row) => percentCell(row.lastTestScore), 'number'],
  ['videos_watched', (row) => row.videosWatched, 'number'],
  ['answer_rate_percent', (row) => (row.answerRate === null ? null : percentCell(row.answerRate * 100)), 'number'],
  ['exercises_done', (row) => row.exercisesDone, 'number'],
  ['average_exercise_score_percent', (row) => percentCell(row.averageExerciseScore), 'number'],
];

function percentCell(percent: number | null): number | null {
  return percent === null ? null : Number(percent.toFixed(1));
}

/**
 * Where a spreadsheet may start a new cell inside our text: at the start of the field, and after
 * any character some spreadsheet splits on. Dutch Excel splits on `;` and ignores our quotes
 * around a field, others split on `,` or tab, and a line break starts a new row. A piece that,
 * after spaces or stray quotes, begins with `=`, `+`, `-`, `@`, tab or CR (OWASP's list, and the
 * full-width forms some East Asian Excel builds also accept) is one a spreadsheet would run as a
 * formula.
 */
const FORMULA_PIECE = /(^|[;,\t\r\n])(?=[ \u00a0"]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20])/g;

/** A number we write as a plain decimal (counts, percentages); anything else is written as text. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Text a spreadsheet would run as a formula (OWASP "CSV injection") is prefixed with a quote, at
 * the start of the field and at the start of every piece a spreadsheet might split it into:
 * `Jan;=HYPERLINK(…)` becomes `Jan;'=HYPERLINK(…)`, so even Dutch Excel, splitting on `;`, gets
 * a text cell `'=HYPERLINK(…)`.
 */
export function neutraliseFormula(text: string): string {
  return text.replace(FORMULA_PIECE, "$1'");
}

/** RFC 4180, every field quoted: quotes doubled, separators and line breaks kept inside the quotes. */
export function csvField(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/**
 * One cell. Numbers are ours (counts, a net change that may be negative, a percentage) and stay
 * numbers: they are quoted like every other field, and Excel and LibreOffice read a quoted "-2"
 * as the number -2, so the column still sorts and sums. They skip the formula guard because a
 * plain decimal cannot be a formula (a leading minus is a sign here, not an operator); a value
 * that is not a plain decimal (NaN, an exponent) is written as guarded text instead.
 */
function cellText(value: string | number, kind: 'text' | 'number'): string {
  const text = String(value);
  return kind === 'number' && PLAIN_NUMBER.test(text) ? text : neutraliseFormula(text);
}

/** The dashboard table as RFC 4180 CSV: a header row, every field quoted, CRLF line ends. */
export function studentsCsv(rows: readonly StudentSummary[]): string {
  const lines = [COLUMNS.map(([header]) => csvField(header)).join(',')];
  for (const row of rows) {
    lines.push(
      COLUMNS.map(([, cell, kind]) => {
        const value = cell(row);
        return csvField(value === null ? '' : cellText(value, kind));
      }).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
