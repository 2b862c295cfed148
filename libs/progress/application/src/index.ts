import { ExportStudentsCsvHandler } from './lib/students/export-students-csv/export-students-csv.handler';
import { GetStudentRecordHandler } from './lib/students/get-student-record/get-student-record.handler';
import { ListStudentsHandler } from './lib/students/list-students/list-students.handler';
import { GetOwnRecordHandler } from './lib/own-record/get-own-record/get-own-record.handler';
import { ExportProgressDataHandler } from './lib/user-data/export-progress-data/export-progress-data.handler';
import { RecordProgressFactHandler } from './lib/projection/record-progress-fact/record-progress-fact.handler';

export * from './lib/ports/clock.port';
export * from './lib/ports/display-names.port';
export * from './lib/ports/progress-logger.port';
export * from './lib/ports/progress-projection.port';
export * from './lib/ports/progress-read-store.port';
export * from './lib/progress-error';

export * from './lib/students/list-students/list-students.query';
export * from './lib/students/export-students-csv/export-students-csv.query';
export * from './lib/students/get-student-record/get-student-record.query';
export * from './lib/own-record/get-own-record/get-own-record.query';
export * from './lib/user-data/export-progress-data/export-progress-data.query';
export * from './lib/projection/record-progress-fact/record-progress-fact.command';
// The rebuild applies events outside Nest, with this handler in place of the CommandBus.
export { RecordProgressFactHandler };

export const progressQueryHandlers = [ListStudentsHandler, ExportStudentsCsvHandler, GetStudentRecordHandler, GetOwnRecordHandler, ExportProgressDataHandler];
export const progressCommandHandlers = [RecordProgressFactHandler];
