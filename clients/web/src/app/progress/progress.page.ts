import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import { fromStore } from '../core/store-signal';
import { LoadingState } from '../shared/loading-state';
import { PageHeader } from '../shared/page-header';
import { ProblemBanner } from '../shared/problem-banner';
import { MY_PROGRESS_STORE } from './progress.routes';
import { StudentRecordView } from './student-record';

/** The student's own progress. */
@Component({
  selector: 'tall-progress',
  imports: [TranslocoPipe, MatButton, MatIcon, PageHeader, ProblemBanner, LoadingState, StudentRecordView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <tall-page-header [heading]="'progress.title' | transloco" [subtitle]="'progress.subtitle' | transloco">
      <button mat-stroked-button type="button" (click)="reload()" [disabled]="progress().loading"><mat-icon>refresh</mat-icon>{{ 'progress.refresh' | transloco }}</button>
    </tall-page-header>
    <tall-problem [problem]="progress().problem" />
    @if (progress().record; as record) {
      <tall-student-record [record]="record" />
    } @else if (progress().loading) {
      <tall-loading [label]="'progress.loading' | transloco" />
    }
  `,
  styles: `
    tall-problem {
      display: block;
      margin-bottom: 16px;
    }
  `,
})
export class ProgressPage {
  private readonly store = inject(MY_PROGRESS_STORE);
  protected readonly progress = fromStore(this.store);

  constructor() {
    void this.store.getState().load();
  }

  protected reload(): void {
    void this.store.getState().load();
  }
}
