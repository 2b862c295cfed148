import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ListStudentsHandler } from '../list-students/list-students.handler';
import { ListStudentsQuery } from '../list-students/list-students.query';
import { ExportStudentsCsvQuery, type StudentsCsvFile } from './export-students-csv.query';
import { studentsCsv } from './students-csv';

/** The same table, with the same rights and names, written as CSV and named after today. */
@QueryHandler(ExportStudentsCsvQuery)
export class ExportStudentsCsvHandler implements IQueryHandler<ExportStudentsCsvQuery> {
  constructor(@Inject(ListStudentsHandler) private readonly table: ListStudentsHandler) {}

  async execute({ principal, query }: ExportStudentsCsvQuery): Promise<StudentsCsvFile> {
    const list = await this.table.execute(new ListStudentsQuery(principal, query));
    return { filename: `students-${list.today}.csv`, body: studentsCsv(list.items), namesUnavailable: list.namesUnavailable };
  }
}
