import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';

/** The reason an admin gives for publishing what they sent to review themselves; closes with it, or nothing when cancelled. */
@Component({
  selector: 'tall-override-dialog',
  imports: [ReactiveFormsModule, TranslocoPipe, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, MatFormField, MatLabel, MatError, MatHint, MatInput],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'content.override.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <mat-dialog-content>
        <p id="override-body">{{ 'content.override.body' | transloco }}</p>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'content.override.reason' | transloco }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" maxlength="500" required aria-describedby="override-body" data-testid="override-reason" cdkFocusInitial></textarea>
          <mat-hint align="end">{{ form.controls.reason.value.length }} / 500</mat-hint>
          <mat-error>{{ 'content.override.reasonRequired' | transloco }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="undefined">{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" data-testid="override-publish">{{ 'content.override.publish' | transloco }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-form-field {
      width: 100%;
    }
  `,
})
export class OverrideDialog {
  private readonly dialog = inject(MatDialogRef<OverrideDialog, string>);
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, (control: AbstractControl<string>) => (control.value.trim().length >= 3 ? null : { short: true }), Validators.maxLength(500)]],
  });

  protected confirm(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.dialog.close(this.form.controls.reason.value.trim());
  }
}
