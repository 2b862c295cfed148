import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { TranslocoPipe } from '@jsverse/transloco';
import { IMPORT_EXTENSIONS, MAX_IMPORT_BYTES, MAX_TITLE_LENGTH, PASTED_TEXT_MAX_CHARACTERS, checkImportFile, type ImportStore, type TextSummary } from '@tall/client/reader/data-access';
import { problemText } from '../core/problem-text';
import { fromStore } from '../core/store-signal';

export interface ImportTextData {
  store: ImportStore;
}

/**
 * Imports a text of the student's own: pasted, or a file dropped or picked. The upload shows how
 * much is sent, then that the server is reading it; a refusal says why (too large, wrong type,
 * unreadable). Closes with the new text.
 */
@Component({
  selector: 'tall-import-text-dialog',
  imports: [DecimalPipe, ReactiveFormsModule, TranslocoPipe, MatDialogTitle, MatDialogContent, MatDialogActions, MatTabGroup, MatTab, MatFormField, MatLabel, MatHint, MatError, MatInput, MatButton, MatIcon, MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-text.dialog.html',
  styleUrl: './import-text.dialog.scss',
})
export class ImportTextDialog {
  private readonly data = inject<ImportTextData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ImportTextDialog, TextSummary>>(MatDialogRef);
  protected readonly state = fromStore(this.data.store);
  protected readonly tab = signal(0);
  protected readonly file = signal<File | null>(null);
  protected readonly dragging = signal(false);
  protected readonly accept = IMPORT_EXTENSIONS.join(',');
  protected readonly maxMegabytes = MAX_IMPORT_BYTES / 1024 / 1024;
  protected readonly maxCharacters = PASTED_TEXT_MAX_CHARACTERS;
  protected readonly busy = computed(() => this.state().phase === 'uploading' || this.state().phase === 'processing');
  private readonly forms = inject(NonNullableFormBuilder);
  protected readonly paste = this.forms.group({
    title: ['', [Validators.required, Validators.maxLength(MAX_TITLE_LENGTH)]],
    body: ['', [Validators.required, Validators.maxLength(PASTED_TEXT_MAX_CHARACTERS)]],
  });
  protected readonly fileForm = this.forms.group({ title: ['', Validators.maxLength(MAX_TITLE_LENGTH)] });
  /** Why the import failed, in words: the three refusals of a file have their own. */
  protected readonly failure = computed(() => {
    const problem = this.state().problem;
    if (!problem) return null;
    switch (problem.status) {
      case 413:
        return { key: 'reader.import.tooLarge', params: { megabytes: this.maxMegabytes } };
      case 415:
        return { key: 'reader.import.unsupported', params: {} };
      case 422:
        return { key: 'reader.import.unreadable', params: { reason: problem.message } };
      default:
        return problemText(problem);
    }
  });

  constructor() {
    this.data.store.getState().reset();
  }

  protected choose(files: FileList | null | undefined): void {
    const file = files?.item(0) ?? null;
    if (!file) return;
    this.file.set(file);
    // A file the API would refuse is explained at once.
    const early = checkImportFile(file);
    if (early) void this.data.store.getState().start({ kind: 'file', file });
    else this.data.store.getState().reset();
  }

  protected picked(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.choose(input.files);
    // The same file can be picked again after a fix.
    input.value = '';
  }

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging.set(true);
  }

  protected dropped(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    this.choose(event.dataTransfer?.files);
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    let created: TextSummary | null = null;
    // No closing by Escape or a click outside while the upload runs: Stop ends it first.
    this.ref.disableClose = true;
    try {
      if (this.tab() === 0) {
        if (this.paste.invalid) {
          this.paste.markAllAsTouched();
          return;
        }
        const { title, body } = this.paste.getRawValue();
        created = await this.data.store.getState().start({ kind: 'paste', title: title.trim(), body });
      } else {
        const file = this.file();
        if (!file || this.fileForm.invalid) return;
        const title = this.fileForm.getRawValue().title.trim();
        created = await this.data.store.getState().start({ kind: 'file', file, ...(title ? { title } : {}) });
      }
    } finally {
      this.ref.disableClose = false;
    }
    if (created) this.ref.close(created);
  }

  protected cancel(): void {
    if (this.busy()) this.data.store.getState().cancel();
    else this.ref.close();
  }
}
