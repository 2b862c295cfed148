import { randomUUID } from 'node:crypto';
import type { Principal } from '@tall/platform/identity';
import { EMPTY_ACTIVITY, NO_EXERCISES, NO_LISTENING, NO_READING, type StudentRecordState, type StudentRowState, type Today } from '@tall/progress/domain';
import type { Clock } from '../lib/ports/clock.port';
import type { DisplayName, DisplayNames } from '../lib/ports/display-names.port';
import type { ProgressLogger } from '../lib/ports/progress-logger.port';
import type { ProgressReadStore, StudentPageRequest } from '../lib/ports/progress-read-store.port';

/** The read side's fakes the query handlers' tests share: two teachers with one student each. */
export const teacherA = randomUUID();
export const teacherB = randomUUID();
export const studentOfA = randomUUID();
export const studentOfB = randomUUID();

export class FakeReadStore implements ProgressReadStore {
  readonly links = new Map<string, string[]>([
    [teacherA, [studentOfA]],
    [teacherB, [studentOfB]],
  ]);
  readonly requests: StudentPageRequest[] = [];
  readonly rows = new Map<string, StudentRowState>(
    [studentOfA, studentOfB].map((studentId) => [studentId, { ...EMPTY_ACTIVITY, studentId, masteredThisWeek: 2, reading: NO_READING, listening: NO_LISTENING, exercises: NO_EXERCISES, lastActiveAt: new Date('2026-05-12T10:00:00Z'), runEndDay: '2026-05-12', runLength: 4 }]),
  );

  async studentPage(request: StudentPageRequest) {
    this.requests.push(request);
    const ids = request.scope.kind === 'teacher' ? (this.links.get(request.scope.teacherId) ?? []) : [...this.rows.keys()];
    const rows = ids.flatMap((id) => this.rows.get(id) ?? []);
    return { rows, total: rows.length };
  }
  async record(studentId: string, _at: Today): Promise<StudentRecordState> {
    const row = this.rows.get(studentId);
    return { studentId, activity: row ?? null, days: [], weeklyMastery: [], topics: [], learningCards: [], learningWeeks: [], results: [], texts: [], testAttempts: [], videos: [], videoQuestions: [], exerciseAttempts: [] };
  }
  async isLinked(teacherId: string, studentId: string) {
    return this.links.get(teacherId)?.includes(studentId) ?? false;
  }
  async isStudent(studentId: string) {
    return this.rows.has(studentId);
  }
  async exportUser(userId: string) {
    return this.rows.has(userId) ? { activity: { reviews: 1 } } : null;
  }
}

/** pii: names everyone but the student of teacher B (as pii leaves out ids it may not tell), or fails while `down`. */
export class FakeNames implements DisplayNames {
  down = false;
  readonly asked: string[][] = [];
  async namesOf(ids: readonly string[]): Promise<Map<string, DisplayName>> {
    this.asked.push([...ids]);
    if (this.down) throw new Error('pii is down');
    return new Map(ids.filter((id) => id !== studentOfB).map((id) => [id, { firstName: 'Eva', lastName: `Student ${id.slice(0, 4)}` }]));
  }
}

export class RecordingLogger implements ProgressLogger {
  readonly warnings: string[] = [];
  warn(_fields: Record<string, unknown>, message: string): void {
    this.warnings.push(message);
  }
}

export const now = new Date('2026-05-13T08:00:00Z');
export const fixedClock: Clock = { now: () => now };

export const who = (role: Principal['role'], userId = randomUUID()): Principal => ({ userId, role, sessionId: randomUUID() });
