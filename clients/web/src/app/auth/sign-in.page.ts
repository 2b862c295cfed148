import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { fromStore } from '../core/store-signal';
import { AUTH_STORE } from '../core/tall-client';
import { ProblemBanner } from '../shared/problem-banner';
import { safeReturnUrl } from './return-url';
import { AuthFrame } from './auth-frame';

@Component({
  selector: 'tall-sign-in',
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, AuthFrame, ProblemBanner, MatFormField, MatLabel, MatInput, MatError, MatSuffix, MatIcon, MatIconButton, MatButton, MatProgressSpinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-in.page.html',
  styleUrl: './auth-form.scss',
})
export class SignInPage {
  /** Where to go after signing in (from the guard), e.g. `/account`. */
  readonly next = input<string>();
  /** Set after the account was erased: say so. */
  readonly deleted = input<string>();
  private readonly store = inject(AUTH_STORE);
  private readonly router = inject(Router);
  protected readonly auth = fromStore(this.store);
  protected readonly showPassword = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });

  constructor() {
    this.store.getState().clearProblem();
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    if (await this.store.getState().signIn(this.form.getRawValue())) {
      await this.router.navigateByUrl(safeReturnUrl(this.next()));
    } else if (this.store.getState().problem?.code === 'INVALID_CREDENTIALS') {
      this.form.controls.password.reset();
    }
  }
}
