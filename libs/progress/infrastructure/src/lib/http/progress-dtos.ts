import { createZodDto } from '@tall/platform/http';
import {
  StudentCsvQuerySchema,
  StudentListQuerySchema,
  StudentListSchema,
  StudentParamsSchema,
  StudentRecordSchema,
  TeacherStudentRecordSchema,
} from '@tall/progress/contracts';

// Queries and params are strict: an unknown field is a 400, not silently ignored.
export class StudentListQueryDto extends createZodDto(StudentListQuerySchema) {}
export class StudentCsvQueryDto extends createZodDto(StudentCsvQuerySchema) {}
export class StudentParamsDto extends createZodDto(StudentParamsSchema) {}

export class StudentSummaryListDto extends createZodDto(StudentListSchema) {}
export class StudentRecordDto extends createZodDto(StudentRecordSchema) {}
export class TeacherStudentRecordDto extends createZodDto(TeacherStudentRecordSchema) {}
