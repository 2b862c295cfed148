import { Controller, Get, Header, Inject, Param, Query, Res, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles, type Principal } from '@tall/platform/auth';
import { ExportStudentsCsvQuery, GetOwnRecordQuery, GetStudentRecordQuery, ListStudentsQuery } from '@tall/progress/application';
import type { StudentList, StudentRecord, TeacherStudentRecord } from '@tall/progress/contracts';
import { ProgressErrorMapper } from './progress-error.mapper';
import {
  StudentCsvQueryDto,
  StudentSummaryListDto,
  StudentListQueryDto,
  StudentParamsDto,
  StudentRecordDto,
  TeacherStudentRecordDto,
} from './progress-dtos';

const SORTING = 'Sort keys: lastActive, streak, masteredThisWeek, accuracy, inactive (names come from pii page by page and are not sortable here).';

@ApiTags('progress')
@Controller('progress')
@UseInterceptors(ProgressErrorMapper)
export class MyProgressController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('me')
  @Roles('STUDENT')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Your own learning record: activity, streak, reviews per day (90 days), accuracy, words, topics, learning-card cohort, results' })
  @ApiOkResponse({ type: StudentRecordDto })
  me(@CurrentPrincipal() principal: Principal): Promise<StudentRecord> {
    return this.queries.execute(new GetOwnRecordQuery(principal));
  }
}

@ApiTags('teacher')
@Controller('teacher')
@UseInterceptors(ProgressErrorMapper)
export class TeacherStudentsController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('students')
  @Roles('TEACHER', 'EDU_ADMIN')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: `The dashboard table: a teacher's linked students, or (EDU_ADMIN) every student, optionally of one teacher. Names are read from pii for the page shown only; when pii is down rows come without names and namesUnavailable is true. ${SORTING}`,
  })
  @ApiOkResponse({ type: StudentSummaryListDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: StudentListQueryDto): Promise<StudentList> {
    return this.queries.execute(new ListStudentsQuery(principal, query));
  }

  @Get('students.csv')
  @Roles('TEACHER', 'EDU_ADMIN')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: `The same table as RFC 4180 CSV (header row, every field quoted, up to 500 rows a page; text a spreadsheet would run as a formula, at the start of a cell or after a ; , tab or line break, is prefixed with a quote). ${SORTING}`,
  })
  @ApiOkResponse({ description: 'text/csv attachment students-YYYY-MM-DD.csv', schema: { type: 'string' } })
  async csv(@CurrentPrincipal() principal: Principal, @Query() query: StudentCsvQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const file = await this.queries.execute(new ExportStudentsCsvQuery(principal, query));
    void reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${file.filename}"`)
      .header('Cache-Control', 'no-store')
      .header('X-Names-Unavailable', String(file.namesUnavailable));
    return file.body;
  }

  @Get('students/:id/progress')
  @Roles('TEACHER', 'EDU_ADMIN')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "A student's full record with their name. A teacher gets 404 for anyone not linked to them, as for an unknown id." })
  @ApiOkResponse({ type: TeacherStudentRecordDto })
  @ApiNotFoundResponse({ description: 'STUDENT_NOT_FOUND: unknown, or not one of your students' })
  record(@CurrentPrincipal() principal: Principal, @Param() params: StudentParamsDto): Promise<TeacherStudentRecord> {
    return this.queries.execute(new GetStudentRecordQuery(principal, params.id));
  }
}
