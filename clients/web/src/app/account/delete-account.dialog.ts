import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AccountStore } from '@tall/client/account/data-access';
import { fromStore } from '../core/store-signal';
import { ProblemBanner } from '../shared/problem-banner';

/** Erasing the account: a plain warning, then the password again. Closes with `true` once erased. */
@Component({
  selector: 'tall-delete-account-dialog',
  imports: [ReactiveFormsModule, TranslocoPipe, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatFormField, MatLabel, MatError, MatInput, MatButton, MatIcon, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'account.delete.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <mat-dialog-content>
        <div class="warning" role="note">
          <mat-icon aria-hidden="true">warning</mat-icon>
          <div>
            <p><strong>{{ 'account.delete.warningTitle' | transloco }}</strong></p>
            <p>{{ 'account.delete.warning' | transloco }}</p>
          </div>
        </div>
        <tall-problem [problem]="account().problem" />
        <mat-form-field appearance="outline">
          <mat-label>{{ 'auth.password' | transloco }}</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="current-password" required />
          <mat-error>{{ 'auth.passwordRequired' | transloco }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="false">{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button class="danger-button" type="submit" [disabled]="account().saving">{{ 'account.delete.confirm' | transloco }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .warning {
      display: flex;
      gap: 12px;
      padding: 12px 16px;
      margin-bottom: 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .warning p {
      margin: 0 0 4px;
    }
    tall-problem {
      display: block;
      margin-bottom: 12px;
    }
    mat-form-field {
      width: 100%;
    }
    .danger-button {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class DeleteAccountDialog {
  private readonly data = inject<{ store: AccountStore }>(MAT_DIALOG_DATA);
  private readonly dialog = inject(MatDialogRef<DeleteAccountDialog, boolean>);
  protected readonly account = fromStore(this.data.store);
  protected readonly form = inject(NonNullableFormBuilder).group({ password: ['', Validators.required] });

  constructor() {
    this.data.store.getState().clearProblem();
  }

  protected async confirm(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    if (await this.data.store.getState().deleteAccount(this.form.getRawValue().password)) this.dialog.close(true);
  }
}
