import { BreakpointObserver } from '@angular/cdk/layout';
import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { UserListItem, UserRole } from '@tall/client/api';
import { map } from 'rxjs';
import { UiLanguage } from '../core/i18n';
import { fromStore } from '../core/store-signal';
import { AUTH_STORE } from '../core/tall-client';
import { EmptyState, LoadingState } from '../shared/loading-state';
import { PageHeader } from '../shared/page-header';
import { ProblemBanner } from '../shared/problem-banner';
import { AdminNav } from './admin-nav';
import { USERS_STORE } from './admin.routes';
import { CreateUserDialog } from './create-user.dialog';
import { assignableRoles } from './roles';
import { TeacherStudentsDialog } from './teacher-students.dialog';

/** Accounts: list by role, create, change role, disable or enable, and link students to teachers. */
@Component({
  selector: 'tall-users',
  imports: [DatePipe, NgTemplateOutlet, TranslocoPipe, MatTableModule, MatPaginator, MatButton, MatIconButton, MatIcon, MatMenu, MatMenuItem, MatMenuTrigger, MatButtonToggleGroup, MatButtonToggle, PageHeader, ProblemBanner, LoadingState, EmptyState, AdminNav],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users.page.html',
  styleUrl: './users.page.scss',
})
export class UsersPage {
  private readonly store = inject(USERS_STORE);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(UiLanguage);
  protected readonly users = fromStore(this.store);
  protected readonly auth = fromStore(inject(AUTH_STORE));
  protected readonly roles = computed(() => assignableRoles(this.auth().user?.role));
  protected readonly narrow = toSignal(inject(BreakpointObserver).observe('(max-width: 720px)').pipe(map((state) => state.matches)), { initialValue: false });
  protected readonly columns = ['name', 'role', 'status', 'createdAt', 'actions'];

  constructor() {
    void this.store.getState().load();
  }

  protected filter(role: UserRole | null): void {
    void this.store.getState().load({ role, page: 1 });
  }

  protected page(event: PageEvent): void {
    void this.store.getState().load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected isSelf(user: UserListItem): boolean {
    return user.id === this.auth().user?.id;
  }

  protected displayName(user: UserListItem): string {
    return user.firstName || user.lastName ? `${user.firstName ?? ''} ${user.lastName ?? ''}`.trim() : this.transloco.translate('users.nameUnavailable');
  }

  protected async create(): Promise<void> {
    const created = await this.dialog
      .open(CreateUserDialog, { data: { store: this.store, roles: this.roles() }, width: '520px', maxWidth: '95vw' })
      .afterClosed()
      .toPromise();
    if (created) this.toast('users.created');
  }

  protected async changeRole(user: UserListItem, role: UserRole): Promise<void> {
    if (await this.store.getState().changeRole(user.id, role)) this.toast('users.roleChanged', { name: this.displayName(user) });
  }

  protected async setDisabled(user: UserListItem, disabled: boolean): Promise<void> {
    if (await this.store.getState().setDisabled(user.id, disabled)) this.toast(disabled ? 'users.disabled' : 'users.enabled', { name: this.displayName(user) });
  }

  protected students(user: UserListItem): void {
    this.dialog.open(TeacherStudentsDialog, {
      data: { store: this.store, teacher: user, teacherName: this.displayName(user) },
      width: '560px',
      maxWidth: '95vw',
    });
  }

  private toast(key: string, params: Record<string, unknown> = {}): void {
    this.snackBar.open(this.transloco.translate(key, params), undefined, { duration: 4000 });
  }
}
