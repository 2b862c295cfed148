import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { UiLanguage } from '../core/i18n';
import { fromStore } from '../core/store-signal';
import { AUTH_STORE } from '../core/tall-client';
import { LoadingState } from '../shared/loading-state';
import { PageHeader } from '../shared/page-header';
import { ProblemBanner } from '../shared/problem-banner';
import { ACCOUNT_STORE } from './account.routes';
import { DeleteAccountDialog } from './delete-account.dialog';
import { PASSWORD_MIN_LENGTH } from '../auth/sign-up.page';

/** The signed-in user's own account: personal data, password, sessions, their data (export, erase). */
@Component({
  selector: 'tall-account',
  imports: [ReactiveFormsModule, DatePipe, TranslocoPipe, MatFormField, MatLabel, MatHint, MatError, MatInput, MatSelect, MatOption, MatButton, MatIcon, PageHeader, ProblemBanner, LoadingState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account.page.html',
  styleUrl: './account.page.scss',
})
export class AccountPage {
  private readonly store = inject(ACCOUNT_STORE);
  private readonly authStore = inject(AUTH_STORE);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(UiLanguage);
  protected readonly account = fromStore(this.store);
  protected readonly auth = fromStore(this.authStore);
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly today = new Date().toISOString().slice(0, 10);
  protected readonly passwordChanged = signal(false);
  protected readonly otherSessions = computed(() => this.account().sessions.filter((session) => !session.current).length);

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly personal = this.fb.group({
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    email: ['', [Validators.required, Validators.email]],
    birthDate: [''],
    locale: [''],
  });
  protected readonly password = this.fb.group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(128)]],
  });

  constructor() {
    void this.store.getState().loadPersonal();
    void this.store.getState().loadSessions();
    effect(() => {
      const data = this.account().personal;
      if (data && this.personal.pristine) {
        this.personal.reset({ firstName: data.firstName, lastName: data.lastName, email: data.email, birthDate: data.birthDate ?? '', locale: data.locale ?? '' });
      }
    });
  }

  protected async savePersonal(): Promise<void> {
    if (this.personal.invalid) {
      this.personal.markAllAsTouched();
      return;
    }
    const value = this.personal.getRawValue();
    const saved = await this.store.getState().savePersonal({
      firstName: value.firstName.trim(),
      lastName: value.lastName.trim(),
      email: value.email.trim(),
      birthDate: value.birthDate || null,
      locale: value.locale || null,
    });
    if (saved) {
      this.personal.markAsPristine();
      if (value.locale === 'en' || value.locale === 'nl') this.language.use(value.locale);
      this.toast('account.personal.saved');
    }
  }

  protected async changePassword(): Promise<void> {
    if (this.password.invalid) {
      this.password.markAllAsTouched();
      return;
    }
    const { currentPassword, newPassword } = this.password.getRawValue();
    if (await this.store.getState().changePassword(currentPassword, newPassword)) {
      this.password.reset();
      this.toast('account.password.changed');
      await this.store.getState().loadSessions();
    }
  }

  protected async endSession(id: string): Promise<void> {
    if (await this.store.getState().endSession(id)) this.toast('account.sessions.ended');
  }

  protected async endAllSessions(): Promise<void> {
    await this.authStore.getState().signOutEverywhere();
  }

  protected async exportData(): Promise<void> {
    const blob = await this.store.getState().exportData();
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `tall-my-data-${this.today}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.toast('account.data.exported');
  }

  protected async deleteAccount(): Promise<void> {
    const deleted = await this.dialog.open(DeleteAccountDialog, { data: { store: this.store }, width: '480px', maxWidth: '95vw', autoFocus: 'first-tabbable' }).afterClosed().toPromise();
    // The shell takes the user to sign-in, which says the account is gone.
    if (deleted === true) this.authStore.getState().forget('account-deleted');
  }

  private toast(key: string): void {
    this.snackBar.open(this.transloco.translate(key), undefined, { duration: 4000, politeness: 'polite' });
  }
}
