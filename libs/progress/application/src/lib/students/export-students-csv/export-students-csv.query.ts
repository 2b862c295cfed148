import { Query } from '@nestjs/cqrs';
import type { Principal } from '@tall/platform/identity';
import type { StudentCsvQuery } from '@tall/progress/contracts';

export interface StudentsCsvFile {
  filename: string;
  body: string;
  namesUnavailable: boolean;
}

/** The dashboard table as an RFC 4180 CSV file, one page of up to 500 rows. */
export class ExportStudentsCsvQuery extends Query<StudentsCsvFile> {
  constructor(
    readonly principal: Principal,
    readonly query: StudentCsvQuery,
  ) {
    super();
  }
}
