import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { TranslocoPipe } from '@jsverse/transloco';
import { call, type DictionaryWord, type TopicSummary } from '@tall/client/api';
import type { LearningStore } from '@tall/client/vocabulary/data-access';
import { UiLanguage } from '../../core/i18n';
import { fromStore } from '../../core/store-signal';
import { TALL_API } from '../../core/tall-client';
import { ProblemBanner } from '../../shared/problem-banner';

/** Adds a word to the personal dictionary: from a topic of the dictionary, or one of the student's own. */
@Component({
  selector: 'tall-add-word-dialog',
  imports: [ReactiveFormsModule, TranslocoPipe, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatTabGroup, MatTab, MatFormField, MatLabel, MatError, MatInput, MatSelect, MatOption, MatButton, MatIcon, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'learning.addTitle' | transloco }}</h2>
    <mat-dialog-content>
      <tall-problem [problem]="learning().problem" />
      <mat-tab-group mat-stretch-tabs="false" animationDuration="0ms">
        <mat-tab [label]="'learning.fromDictionary' | transloco">
          <div class="pane">
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ 'learning.topic' | transloco }}</mat-label>
              <mat-select (valueChange)="openTopic($event)" [disabled]="topics().length === 0">
                @for (topic of topics(); track topic.id) {
                  <mat-option [value]="topic.id">{{ topic.level }} · {{ language.current() === 'nl' ? topic.title.nl : topic.title.en }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <ul class="dictionary" role="list">
              @for (word of words(); track word.id) {
                <li>
                  <span class="lemma" lang="nl">{{ word.article ? word.article + ' ' : '' }}{{ word.lemma }}</span>
                  <span class="translation">{{ translationOf(word) }}</span>
                  <button mat-button type="button" (click)="addFromDictionary(word)" [disabled]="learning().saving || added().includes(word.id)" [attr.aria-label]="'learning.addNamed' | transloco: { word: word.lemma }">
                    <mat-icon>{{ added().includes(word.id) ? 'check' : 'add' }}</mat-icon>
                    {{ (added().includes(word.id) ? 'learning.added' : 'learning.addShort') | transloco }}
                  </button>
                </li>
              }
            </ul>
          </div>
        </mat-tab>
        <mat-tab [label]="'learning.ownWord' | transloco">
          <form class="pane" [formGroup]="own" (ngSubmit)="addOwn()" novalidate id="own-word">
            <div class="row">
              <mat-form-field appearance="outline" class="article">
                <mat-label>{{ 'learning.article' | transloco }}</mat-label>
                <mat-select formControlName="article">
                  <mat-option value="">—</mat-option>
                  <mat-option value="de">de</mat-option>
                  <mat-option value="het">het</mat-option>
                </mat-select>
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'learning.dutchWord' | transloco }}</mat-label>
                <input matInput formControlName="lemma" lang="nl" autocomplete="off" required />
                <mat-error>{{ 'learning.required' | transloco }}</mat-error>
              </mat-form-field>
            </div>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'learning.translation' | transloco }}</mat-label>
              <input matInput formControlName="translation" autocomplete="off" required />
              <mat-error>{{ 'learning.required' | transloco }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'learning.note' | transloco }}</mat-label>
              <input matInput formControlName="note" autocomplete="off" />
            </mat-form-field>
            <div class="actions"><button mat-flat-button type="submit" [disabled]="learning().saving">{{ 'learning.addOwn' | transloco }}</button></div>
          </form>
        </mat-tab>
      </mat-tab-group>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="added().length > 0">{{ 'common.close' | transloco }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    tall-problem {
      display: block;
      margin-bottom: 12px;
    }
    .pane {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding-top: 16px;
    }
    mat-form-field {
      width: 100%;
    }
    .row {
      display: flex;
      gap: 12px;
    }
    .row .article {
      flex: 0 0 110px;
    }
    .dictionary {
      max-height: 320px;
      overflow-y: auto;
      margin: 12px 0 0;
      padding: 0;
      list-style: none;
    }
    .dictionary li {
      display: grid;
      grid-template-columns: 1fr 1fr auto;
      align-items: center;
      gap: 8px;
      padding: 4px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .lemma {
      font: var(--mat-sys-title-small);
    }
    .translation {
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      justify-content: flex-end;
    }
  `,
})
export class AddWordDialog {
  private readonly data = inject<{ store: LearningStore }>(MAT_DIALOG_DATA);
  private readonly dialog = inject(MatDialogRef<AddWordDialog, boolean>);
  private readonly api = inject(TALL_API);
  protected readonly language = inject(UiLanguage);
  protected readonly learning = fromStore(this.data.store);
  protected readonly topics = signal<TopicSummary[]>([]);
  protected readonly words = signal<DictionaryWord[]>([]);
  protected readonly added = signal<string[]>([]);
  protected readonly own = inject(NonNullableFormBuilder).group({
    article: [''],
    lemma: ['', [Validators.required, Validators.maxLength(80)]],
    translation: ['', [Validators.required, Validators.maxLength(200)]],
    note: ['', Validators.maxLength(500)],
  });

  constructor() {
    this.data.store.getState().clearProblem();
    void call(this.api.GET('/api/v1/vocabulary/topics', { params: { query: {} } }))
      .then((topics) => this.topics.set([...topics].sort((a, b) => a.level.localeCompare(b.level) || a.order - b.order)))
      .catch(() => undefined);
  }

  protected translationOf(word: DictionaryWord): string {
    const translations: Record<string, string | undefined> = word.translations;
    return translations['en'] ?? Object.values(translations)[0] ?? '';
  }

  protected async openTopic(id: string): Promise<void> {
    this.words.set(await call(this.api.GET('/api/v1/vocabulary/topics/{id}/words', { params: { path: { id } } })).catch(() => []));
  }

  protected async addFromDictionary(word: DictionaryWord): Promise<void> {
    if (await this.data.store.getState().addWord({ wordId: word.id, language: 'en' })) this.added.update((ids) => [...ids, word.id]);
  }

  protected async addOwn(): Promise<void> {
    if (this.own.invalid) {
      this.own.markAllAsTouched();
      return;
    }
    const { article, lemma, translation, note } = this.own.getRawValue();
    const added = await this.data.store.getState().addWord({
      lemma: lemma.trim(),
      translation: translation.trim(),
      ...(article === 'de' || article === 'het' ? { article } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (added) this.dialog.close(true);
  }
}
