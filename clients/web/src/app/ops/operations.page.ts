import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { UiLanguage } from '../core/i18n';
import { fromStore } from '../core/store-signal';
import { ConfirmDialog, type ConfirmData } from '../shared/confirm.dialog';
import { LoadingState } from '../shared/loading-state';
import { PageHeader } from '../shared/page-header';
import { ProblemBanner } from '../shared/problem-banner';
import { OPERATIONS_STORE } from './ops.routes';

const SEMVER = /^\d+\.\d+\.\d+$/;

/** For technical admins: health of every dependency, the weekly rotation, PII key rotation, client minimums, parked events. */
@Component({
  selector: 'tall-operations',
  imports: [DatePipe, DecimalPipe, ReactiveFormsModule, RouterLink, TranslocoPipe, MatButton, MatIcon, MatCheckbox, MatFormField, MatLabel, MatHint, MatError, MatInput, PageHeader, ProblemBanner, LoadingState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './operations.page.html',
  styleUrl: './operations.page.scss',
})
export class OperationsPage {
  private readonly store = inject(OPERATIONS_STORE);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(UiLanguage);
  protected readonly ops = fromStore(this.store);
  protected readonly force = signal(false);
  /** Rotate the PII keys even within an hour of the last rotation (the API refuses it otherwise). */
  protected readonly forceRotation = signal(false);
  /** Why the keys are rotated: the API records it on the audit log and refuses a rotation without one. */
  protected readonly rotationReason = inject(NonNullableFormBuilder).control('', [Validators.required, Validators.pattern(/\S/), Validators.maxLength(500)]);
  protected readonly checks = computed(() => Object.entries(this.ops().readiness?.checks ?? {}).map(([name, check]) => ({ name, ...check })));
  protected readonly versions = inject(NonNullableFormBuilder).group({
    web: ['', [Validators.required, Validators.pattern(SEMVER)]],
    android: ['', [Validators.required, Validators.pattern(SEMVER)]],
    desktop: ['', [Validators.required, Validators.pattern(SEMVER)]],
  });

  constructor() {
    void this.refresh();
    // Health is watched: check again every 30 seconds while the page is open.
    const timer = setInterval(() => void this.store.getState().refresh(), 30_000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected async refresh(): Promise<void> {
    await this.store.getState().refresh();
    const current = this.store.getState().clientVersions;
    if (current && this.versions.pristine) this.versions.reset(current);
  }

  protected async runWeekly(): Promise<void> {
    const run = await this.store.getState().runWeekly(this.force());
    if (run) this.toast(run.status === 'failed' ? 'ops.weekly.failed' : 'ops.weekly.done', { week: run.periodKey });
  }

  protected async rotateKeys(): Promise<void> {
    if (this.rotationReason.invalid) {
      this.rotationReason.markAsTouched();
      return;
    }
    const data: ConfirmData = {
      title: this.transloco.translate('ops.keys.confirmTitle'),
      body: this.transloco.translate('ops.keys.confirmBody'),
      confirm: this.transloco.translate('ops.keys.rotate'),
    };
    const confirmed = await this.dialog.open(ConfirmDialog, { data, width: '440px', maxWidth: '95vw' }).afterClosed().toPromise();
    if (!confirmed) return;
    const result = await this.store.getState().rotateKeys(this.rotationReason.value.trim(), this.forceRotation());
    if (!result) return;
    this.rotationReason.reset();
    this.forceRotation.set(false);
    this.toast('ops.keys.done', { version: result.masterKeyVersion, count: result.rewrappedDataKeys });
  }

  protected async saveVersions(): Promise<void> {
    if (this.versions.invalid) {
      this.versions.markAllAsTouched();
      return;
    }
    if (await this.store.getState().setMinimumVersions(this.versions.getRawValue())) {
      this.versions.markAsPristine();
      this.toast('ops.versions.saved');
    }
  }

  private toast(key: string, params: Record<string, unknown> = {}): void {
    this.snackBar.open(this.transloco.translate(key, params), undefined, { duration: 5000 });
  }
}
