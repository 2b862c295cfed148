import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { fromStore } from '../core/store-signal';
import { StudentRecordView } from '../progress/student-record';
import { LoadingState } from '../shared/loading-state';
import { PageHeader } from '../shared/page-header';
import { ProblemBanner } from '../shared/problem-banner';
import { STUDENTS_STORE } from './teacher.routes';

/** One student's progress, for their teacher. */
@Component({
  selector: 'tall-student',
  imports: [RouterLink, TranslocoPipe, MatButton, MatIcon, PageHeader, ProblemBanner, LoadingState, StudentRecordView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button routerLink=".." class="back"><mat-icon>arrow_back</mat-icon>{{ 'students.back' | transloco }}</a>
    <tall-page-header [heading]="name()" [subtitle]="'students.studentSubtitle' | transloco" />
    <tall-problem [problem]="students().problem" />
    @if (students().student; as record) {
      <tall-student-record [record]="record" />
    } @else if (students().loading) {
      <tall-loading [label]="'progress.loading' | transloco" />
    }
  `,
  styles: `
    .back {
      margin: -8px 0 8px -8px;
    }
    tall-problem {
      display: block;
      margin-bottom: 16px;
    }
  `,
})
export class StudentPage {
  readonly id = input.required<string>();
  private readonly store = inject(STUDENTS_STORE);
  protected readonly students = fromStore(this.store);
  protected readonly name = computed(() => {
    const record = this.students().student;
    return record?.name ? `${record.name.firstName} ${record.name.lastName}` : '';
  });

  constructor() {
    effect(() => void this.store.getState().loadStudent(this.id()));
  }
}
