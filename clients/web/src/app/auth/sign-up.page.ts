import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { UiLanguage } from '../core/i18n';
import { fromStore } from '../core/store-signal';
import { AUTH_STORE } from '../core/tall-client';
import { ProblemBanner } from '../shared/problem-banner';
import { AuthFrame } from './auth-frame';
import { safeReturnUrl } from './return-url';

export const PASSWORD_MIN_LENGTH = 8;

@Component({
  selector: 'tall-sign-up',
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, AuthFrame, ProblemBanner, MatFormField, MatLabel, MatHint, MatInput, MatError, MatSuffix, MatIcon, MatIconButton, MatButton, MatProgressSpinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-up.page.html',
  styleUrl: './auth-form.scss',
})
export class SignUpPage {
  readonly next = input<string>();
  private readonly store = inject(AUTH_STORE);
  private readonly router = inject(Router);
  private readonly language = inject(UiLanguage);
  protected readonly auth = fromStore(this.store);
  protected readonly showPassword = signal(false);
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(128)]],
  });

  constructor() {
    this.store.getState().clearProblem();
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const created = await this.store.getState().signUp({ ...value, firstName: value.firstName.trim(), lastName: value.lastName.trim(), locale: this.language.current() });
    if (created) {
      await this.router.navigateByUrl(safeReturnUrl(this.next()));
      return;
    }
    // Point at the field the API objected to.
    const problem = this.store.getState().problem;
    if (problem?.code === 'EMAIL_TAKEN') this.form.controls.email.setErrors({ taken: true });
    if (problem?.code === 'PASSWORD_TOO_COMMON') this.form.controls.password.setErrors({ common: true });
    for (const field of Object.keys(problem?.fieldErrors() ?? {})) {
      const control = this.form.get(field);
      if (control) control.setErrors({ server: true });
    }
  }
}
