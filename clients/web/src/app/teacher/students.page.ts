import { BreakpointObserver } from '@angular/cdk/layout';
import { DatePipe, formatNumber, formatPercent, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatSort, MatSortHeader, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { StudentSummary } from '@tall/client/api';
import type { StudentSortKey } from '@tall/client/progress/data-access';
import { map } from 'rxjs';
import { UiLanguage } from '../core/i18n';
import { fromStore } from '../core/store-signal';
import { AUTH_STORE } from '../core/tall-client';
import { EmptyState, LoadingState } from '../shared/loading-state';
import { PageHeader } from '../shared/page-header';
import { ProblemBanner } from '../shared/problem-banner';
import { STUDENTS_STORE } from './teacher.routes';

/**
 * A teacher's students (an EDU_ADMIN's: all students): sortable, inactive ones flagged, with what
 * they read, watched and practised; as CSV.
 */
@Component({
  selector: 'tall-students',
  imports: [DatePipe, PercentPipe, RouterLink, TranslocoPipe, MatTableModule, MatSort, MatSortHeader, MatPaginator, MatButton, MatIcon, PageHeader, ProblemBanner, LoadingState, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './students.page.html',
  styleUrl: './students.page.scss',
})
export class StudentsPage {
  private readonly store = inject(STUDENTS_STORE);
  protected readonly students = fromStore(this.store);
  protected readonly auth = fromStore(inject(AUTH_STORE));
  protected readonly language = inject(UiLanguage);
  protected readonly narrow = toSignal(inject(BreakpointObserver).observe('(max-width: 720px)').pipe(map((state) => state.matches)), { initialValue: false });
  protected readonly columns = [
    'name',
    'lastActive',
    'streak',
    'masteredThisWeek',
    'accuracy',
    'textsRead',
    'averageTestScore',
    'lastTestScore',
    'videosWatched',
    'answerRate',
    'exercisesDone',
    'averageExerciseScore',
    'inactive',
  ];

  constructor() {
    void this.store.getState().load();
  }

  protected name(student: StudentSummary): string {
    return student.name ? `${student.name.firstName} ${student.name.lastName}` : '—';
  }

  /** A test score in percent (the API's 0–100), whole, in the interface's language; a dash without tests. */
  protected testScore(percent: number | null): string {
    return percent === null ? '–' : `${formatNumber(percent, this.language.current(), '1.0-0')}%`;
  }

  /** A share (the API's 0–1) in whole percent, in the interface's language; a dash without any. */
  protected share(value: number | null): string {
    return value === null ? '–' : formatPercent(value, this.language.current(), '1.0-0');
  }

  protected sort(sort: Sort): void {
    if (sort.active === 'name') return;
    void this.store.getState().load({ sort: sort.active as StudentSortKey, order: sort.direction === 'asc' ? 'asc' : 'desc', page: 1 });
  }

  protected page(event: PageEvent): void {
    void this.store.getState().load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected async download(): Promise<void> {
    const blob = await this.store.getState().downloadCsv();
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `students-${new Date().toISOString().slice(0, 10)}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
