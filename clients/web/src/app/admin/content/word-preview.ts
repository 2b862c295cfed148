import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import { OPTIONAL_LANGUAGES, REQUIRED_LANGUAGES, wordFormOf, type TranslationLanguage } from '@tall/client/admin/data-access';

/**
 * A word as a student meets it: the thematic card's face (the article in colour, the word large),
 * its answer in the student's language with the example, and its row in the topic's word list.
 * Read-only, and drawn from the working copy, so an edit shows here before it is saved.
 */
@Component({
  selector: 'tall-word-preview',
  imports: [TranslocoPipe, MatButtonToggleGroup, MatButtonToggle],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="languages">
      <mat-button-toggle-group [value]="language()" (change)="language.set($event.value)" [attr.aria-label]="'content.preview.language' | transloco" hideSingleSelectionIndicator>
        @for (code of languages(); track code) {
          <mat-button-toggle [value]="code">{{ code.toUpperCase() }}</mat-button-toggle>
        }
      </mat-button-toggle-group>
    </div>

    <article class="panel" data-testid="word-preview-card" [attr.aria-label]="'content.preview.card' | transloco">
      <span class="mode-chip">{{ 'thematic.instructions.recognition' | transloco }}</span>
      <p class="prompt" lang="nl">
        @if (word().article && word().pos === 'noun') {
          <span class="article">{{ word().article }}</span>
        }
        {{ word().lemma || '…' }}
      </p>
      <p class="grammar">
        {{ 'content.pos.' + word().pos | transloco }}
        @if (word().pos === 'noun') {
          · {{ word().uncountable ? ('content.preview.noPlural' | transloco) : ('content.preview.plural' | transloco: { plural: word().plural || '…' }) }}
        }
      </p>
      <div class="answer" data-testid="word-preview-translation" [attr.lang]="language()" [attr.dir]="language() === 'ar' ? 'rtl' : null">{{ translation() || '…' }}</div>
      @if (word().pos === 'verb') {
        <dl class="verb" lang="nl">
          <div><dt>{{ 'content.fields.verb.presentThirdSingular' | transloco }}</dt><dd>{{ word().verb.presentThirdSingular || '…' }}</dd></div>
          <div><dt>{{ 'content.fields.verb.pastSingular' | transloco }}</dt><dd>{{ word().verb.pastSingular || '…' }}</dd></div>
          <div><dt>{{ 'content.fields.verb.pastPlural' | transloco }}</dt><dd>{{ word().verb.pastPlural || '…' }}</dd></div>
          <div><dt>{{ 'content.fields.verb.participle' | transloco }}</dt><dd>{{ word().verb.auxiliary }} {{ word().verb.participle || '…' }}</dd></div>
        </dl>
      }
      <blockquote class="example">
        <p lang="nl">{{ word().example.nl || '…' }}</p>
        <p lang="en" class="example-en">{{ word().example.en || '…' }}</p>
      </blockquote>
    </article>

    <h3 class="list-heading">{{ 'content.preview.inList' | transloco }}</h3>
    <ul class="dictionary" role="list">
      <li data-testid="word-preview-row">
        <span class="lemma" lang="nl">{{ word().article && word().pos === 'noun' ? word().article + ' ' : '' }}{{ word().lemma || '…' }}</span>
        <span class="translation">{{ word().translations.en || '…' }}</span>
      </li>
    </ul>
  `,
  styles: `
    :host {
      display: block;
    }
    .languages {
      display: flex;
      justify-content: center;
      margin-bottom: 16px;
    }
    .panel {
      max-width: 720px;
      margin: 0 auto;
      padding: 28px 28px 20px;
      border-radius: 28px;
      background: var(--mat-sys-surface-container-lowest);
      border: 1px solid var(--mat-sys-outline-variant);
      box-shadow: var(--mat-sys-level1);
    }
    .mode-chip {
      display: inline-block;
      padding: 4px 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-large);
    }
    .prompt {
      margin: 24px 0 4px;
      text-align: center;
      font: var(--mat-sys-display-small);
      color: var(--mat-sys-on-surface);
      overflow-wrap: anywhere;
    }
    .article {
      color: var(--mat-sys-primary);
    }
    .grammar {
      margin: 0 0 16px;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .answer {
      padding: 14px 16px;
      border-radius: 16px;
      background: #e3f4e4;
      color: #14521c;
      text-align: center;
      font: var(--mat-sys-title-large);
      overflow-wrap: anywhere;
    }
    .verb {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
      gap: 8px;
      margin: 16px 0 0;
    }
    .verb dt {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
    }
    .verb dd {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .example {
      margin: 16px 0 0;
      padding: 0 0 0 12px;
      border-left: 3px solid var(--mat-sys-outline-variant);
    }
    .example p {
      margin: 0;
    }
    .example-en {
      color: var(--mat-sys-on-surface-variant);
    }
    .list-heading {
      max-width: 720px;
      margin: 24px auto 8px;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .dictionary {
      max-width: 720px;
      margin: 0 auto;
      padding: 0;
      list-style: none;
    }
    .dictionary li {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 8px;
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .lemma {
      font: var(--mat-sys-title-small);
    }
    .translation {
      color: var(--mat-sys-on-surface-variant);
    }
    @media (max-width: 600px) {
      .panel {
        padding: 20px 16px 16px;
      }
    }
  `,
})
export class WordPreview {
  /** The word's content (the working copy). */
  readonly content = input.required<Record<string, unknown>>();
  protected readonly word = computed(() => wordFormOf(this.content()));
  protected readonly language = signal<TranslationLanguage>('en');
  /** The languages this word has a translation in. */
  protected readonly languages = computed(() => [...REQUIRED_LANGUAGES, ...OPTIONAL_LANGUAGES].filter((code) => code === 'en' || this.word().translations[code]));
  protected readonly translation = computed(() => this.word().translations[this.language()]);
}
