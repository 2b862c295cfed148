import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { UsersStore } from '@tall/client/admin/data-access';
import { call, type UserListItem } from '@tall/client/api';
import { UiLanguage } from '../core/i18n';
import { fromStore } from '../core/store-signal';
import { TALL_API } from '../core/tall-client';
import { ProblemBanner } from '../shared/problem-banner';

/** A teacher's students: who is linked, link another, unlink. */
@Component({
  selector: 'tall-teacher-students-dialog',
  imports: [DatePipe, TranslocoPipe, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatFormField, MatLabel, MatSelect, MatOption, MatButton, MatIconButton, MatIcon, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'users.studentsTitle' | transloco: { name: data.teacherName } }}</h2>
    <mat-dialog-content>
      <tall-problem [problem]="users().problem" />
      <div class="link">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'users.chooseStudent' | transloco }}</mat-label>
          <mat-select [value]="chosen()" (valueChange)="chosen.set($event)">
            @for (student of unlinked(); track student.id) {
              <mat-option [value]="student.id">{{ nameOf(student.id) }}</mat-option>
            } @empty {
              <mat-option disabled>{{ 'users.noStudentsToLink' | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <button mat-flat-button type="button" (click)="link()" [disabled]="!chosen() || users().saving">
          <mat-icon>link</mat-icon>
          {{ 'users.link' | transloco }}
        </button>
      </div>
      <h3>{{ 'users.linkedStudents' | transloco }}</h3>
      <ul class="linked" role="list">
        @for (link of linked(); track link.id) {
          <li>
            <span class="name">{{ nameOf(link.id) }}</span>
            <span class="since">{{ 'users.linkedSince' | transloco: { when: (link.linkedAt | date: 'mediumDate' : undefined : language.current()) } }}</span>
            <button mat-icon-button type="button" (click)="unlink(link.id)" [disabled]="users().saving" [attr.aria-label]="'users.unlinkNamed' | transloco: { name: nameOf(link.id) }">
              <mat-icon>link_off</mat-icon>
            </button>
          </li>
        } @empty {
          <li class="none">{{ 'users.noLinkedStudents' | transloco }}</li>
        }
      </ul>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.close' | transloco }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    tall-problem {
      display: block;
      margin-bottom: 12px;
    }
    .link {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
    }
    .link mat-form-field {
      flex: 1 1 220px;
    }
    h3 {
      margin: 20px 0 8px;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface);
    }
    .linked {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .linked li {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .name {
      flex: 1;
      color: var(--mat-sys-on-surface);
    }
    .since {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
      border: 0 !important;
    }
  `,
})
export class TeacherStudentsDialog {
  protected readonly data = inject<{ store: UsersStore; teacher: UserListItem; teacherName: string }>(MAT_DIALOG_DATA);
  private readonly api = inject(TALL_API);
  protected readonly language = inject(UiLanguage);
  protected readonly users = fromStore(this.data.store);
  protected readonly students = signal<UserListItem[]>([]);
  protected readonly chosen = signal<string | null>(null);
  protected readonly linked = computed(() => this.users().students[this.data.teacher.id] ?? []);
  protected readonly unlinked = computed(() => {
    const linked = new Set(this.linked().map((link) => link.id));
    return this.students().filter((student) => !linked.has(student.id) && student.status === 'active');
  });

  constructor() {
    this.data.store.getState().clearProblem();
    void this.data.store.getState().loadStudents(this.data.teacher.id);
    void this.loadStudents();
  }

  protected nameOf(id: string): string {
    const student = this.students().find((candidate) => candidate.id === id);
    return student ? `${student.firstName ?? ''} ${student.lastName ?? ''}`.trim() || id : id;
  }

  protected async link(): Promise<void> {
    const studentId = this.chosen();
    if (studentId && (await this.data.store.getState().link(this.data.teacher.id, studentId))) this.chosen.set(null);
  }

  protected async unlink(studentId: string): Promise<void> {
    await this.data.store.getState().unlink(this.data.teacher.id, studentId);
  }

  /** Every student (the API pages by 100): the choices to link. */
  private async loadStudents(): Promise<void> {
    const all: UserListItem[] = [];
    for (let page = 1; page <= 50; page++) {
      const list = await call(this.api.GET('/api/v1/users', { params: { query: { role: 'STUDENT', page, pageSize: 100 } } })).catch(() => null);
      if (!list) break;
      all.push(...list.items);
      if (all.length >= list.total || list.items.length === 0) break;
    }
    this.students.set(all);
  }
}
