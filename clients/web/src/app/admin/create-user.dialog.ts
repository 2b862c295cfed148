import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { UsersStore } from '@tall/client/admin/data-access';
import type { UserRole } from '@tall/client/api';
import { PASSWORD_MIN_LENGTH } from '../auth/sign-up.page';
import { fromStore } from '../core/store-signal';
import { ProblemBanner } from '../shared/problem-banner';

@Component({
  selector: 'tall-create-user-dialog',
  imports: [ReactiveFormsModule, TranslocoPipe, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatFormField, MatLabel, MatHint, MatError, MatInput, MatSelect, MatOption, MatButton, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'users.createTitle' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <tall-problem [problem]="users().problem" />
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'auth.firstName' | transloco }}</mat-label>
            <input matInput formControlName="firstName" required />
            <mat-error>{{ 'auth.nameRequired' | transloco }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'auth.lastName' | transloco }}</mat-label>
            <input matInput formControlName="lastName" required />
            <mat-error>{{ 'auth.nameRequired' | transloco }}</mat-error>
          </mat-form-field>
        </div>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'auth.email' | transloco }}</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="off" required />
          <mat-error>{{ 'auth.emailInvalid' | transloco }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'users.columns.role' | transloco }}</mat-label>
          <mat-select formControlName="role" required>
            @for (role of data.roles; track role) {
              <mat-option [value]="role">{{ 'roles.' + role | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'users.initialPassword' | transloco }}</mat-label>
          <input matInput type="text" formControlName="password" autocomplete="new-password" required />
          <mat-hint>{{ 'users.initialPasswordHint' | transloco: { min: minLength } }}</mat-hint>
          <mat-error>{{ 'auth.passwordHint' | transloco: { min: minLength } }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="null">{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="users().saving">{{ 'users.createSubmit' | transloco }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    tall-problem {
      display: block;
      margin-bottom: 12px;
    }
    mat-form-field {
      width: 100%;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .row mat-form-field {
      flex: 1 1 160px;
      width: auto;
    }
  `,
})
export class CreateUserDialog {
  protected readonly data = inject<{ store: UsersStore; roles: readonly UserRole[] }>(MAT_DIALOG_DATA);
  private readonly dialog = inject(MatDialogRef<CreateUserDialog>);
  protected readonly users = fromStore(this.data.store);
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    email: ['', [Validators.required, Validators.email]],
    role: ['STUDENT' as UserRole, Validators.required],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(128)]],
  });

  constructor() {
    this.data.store.getState().clearProblem();
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const created = await this.data.store.getState().create({ ...value, firstName: value.firstName.trim(), lastName: value.lastName.trim(), email: value.email.trim() });
    if (created) this.dialog.close(created);
  }
}
