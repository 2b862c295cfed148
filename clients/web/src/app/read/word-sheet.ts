import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MAT_BOTTOM_SHEET_DATA, MatBottomSheetRef } from '@angular/material/bottom-sheet';
import { MatIcon } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ReaderGloss, WordState } from '@tall/client/reader/data-access';
import { DutchSpeech } from '../shared/dutch-speech';
import type { WordView } from './reader-view';

export interface WordSheetData {
  word: WordView;
  /** The word as it stands in the text, with the words of its group (`bel … op`). */
  together: string;
  gloss: ReaderGloss | null;
  state: WordState;
  /** Already one of the student's learning cards, or saved during this visit. */
  saved: boolean;
}

export type WordSheetAction = { kind: 'state'; state: WordState } | { kind: 'save' };

const STATE_ACTIONS: ReadonlyArray<{ state: WordState; icon: string; key: string; testId: string }> = [
  { state: 'known', icon: 'check_circle', key: 'reader.word.markKnown', testId: 'word-mark-known' },
  { state: 'learning', icon: 'school', key: 'reader.word.markLearning', testId: 'word-mark-learning' },
  { state: 'ignored', icon: 'visibility_off', key: 'reader.word.ignore', testId: 'word-ignore' },
];

/** What the dictionary says about a word of the text, and what the student can do with it. */
@Component({
  selector: 'tall-word-sheet',
  imports: [TranslocoPipe, MatButton, MatIconButton, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="sheet" data-testid="word-sheet" aria-labelledby="word-sheet-title">
      <header>
        <h2 id="word-sheet-title" lang="nl">{{ data.together }}</h2>
        @if (speech.available()) {
          <button mat-icon-button type="button" (click)="speech.speak(data.together)" [attr.aria-label]="'reader.word.speak' | transloco"><mat-icon>volume_up</mat-icon></button>
        }
        @if (gloss()?.level; as level) {
          <span class="level" [attr.aria-label]="'reader.word.level' | transloco: { level }">{{ level }}</span>
        }
      </header>

      @if (gloss(); as gloss) {
        <dl>
          @if (dictionaryForm(); as form) {
            <dt>{{ 'reader.word.lemma' | transloco }}</dt>
            <dd lang="nl">{{ form }}</dd>
          }
          @if (gloss.plural) {
            <dt>{{ 'reader.word.plural' | transloco }}</dt>
            <dd lang="nl">{{ gloss.plural }}</dd>
          }
          @if (gloss.verbForms; as forms) {
            <dt>{{ 'reader.word.verbForms' | transloco }}</dt>
            <dd lang="nl">{{ forms.presentThirdSingular }} · {{ forms.pastSingular }} · {{ forms.pastPlural }} · {{ forms.participle }}</dd>
          }
          <dt>{{ 'reader.word.translation' | transloco }}</dt>
          <dd class="translation" data-testid="word-translation" [attr.lang]="gloss.translationLanguage">{{ gloss.translation ?? ('reader.word.noTranslation' | transloco) }}</dd>
        </dl>
      } @else {
        <p class="unknown" data-testid="word-not-in-dictionary">{{ 'reader.word.notInDictionary' | transloco }}</p>
      }

      <p class="state">
        {{ 'reader.word.stateNow' | transloco }}
        <span class="state-name" [attr.data-state]="data.state">{{ 'reader.states.' + data.state | transloco }}</span>
      </p>
      <div class="actions" role="group" [attr.aria-label]="'reader.word.stateActions' | transloco">
        @for (action of stateActions; track action.state) {
          <button mat-stroked-button type="button" [attr.data-testid]="action.testId" [attr.aria-pressed]="data.state === action.state" [class.current]="data.state === action.state" (click)="choose(action.state)">
            <mat-icon>{{ action.icon }}</mat-icon>{{ action.key | transloco }}
          </button>
        }
        @if (data.state !== 'new') {
          <button mat-button type="button" data-testid="word-mark-new" (click)="choose('new')">{{ 'reader.word.markNew' | transloco }}</button>
        }
      </div>
      <button mat-flat-button type="button" class="save" data-testid="word-save" [disabled]="data.saved" (click)="save()">
        <mat-icon>{{ data.saved ? 'bookmark_added' : 'bookmark_add' }}</mat-icon>
        {{ (data.saved ? 'reader.word.saved' : 'reader.word.save') | transloco }}
      </button>
    </section>
  `,
  styles: `
    .sheet {
      display: flex;
      flex-direction: column;
      gap: 12px;
      padding: 8px 4px 16px;
      max-width: 640px;
      margin: 0 auto;
    }
    header {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-headline-small);
      overflow-wrap: anywhere;
    }
    .level {
      margin-left: auto;
      padding: 2px 10px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-large);
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 6px 16px;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-large);
    }
    dd {
      margin: 0;
      font: var(--mat-sys-body-large);
    }
    .translation {
      font-weight: 500;
    }
    .unknown,
    .state {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .state-name {
      color: var(--mat-sys-on-surface);
      font-weight: 500;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .actions .current {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .save {
      align-self: stretch;
      height: 48px;
    }
  `,
})
export class WordSheet {
  protected readonly data = inject<WordSheetData>(MAT_BOTTOM_SHEET_DATA);
  private readonly ref = inject<MatBottomSheetRef<WordSheet, WordSheetAction>>(MatBottomSheetRef);
  protected readonly speech = inject(DutchSpeech);
  protected readonly stateActions = STATE_ACTIONS;
  protected readonly gloss = computed(() => this.data.gloss);
  /** The dictionary form with its article (`de moeder`), when it differs from the word as written. */
  protected readonly dictionaryForm = computed(() => {
    const gloss = this.data.gloss;
    if (!gloss) return null;
    const form = gloss.article ? `${gloss.article} ${gloss.lemma}` : gloss.lemma;
    return form.toLowerCase() === this.data.together.toLowerCase() ? null : form;
  });

  protected choose(state: WordState): void {
    this.ref.dismiss({ kind: 'state', state });
  }

  protected save(): void {
    this.ref.dismiss({ kind: 'save' });
  }
}
