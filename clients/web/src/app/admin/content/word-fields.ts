import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, type FormGroup } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { AUXILIARIES, OPTIONAL_LANGUAGES, PARTS_OF_SPEECH, REQUIRED_LANGUAGES, type ContentSummary, type WordForm } from '@tall/client/admin/data-access';

/** The reactive form of a word, with every field of every part of speech (the page sends only those of its part of speech). */
export function wordFormGroup(fb: NonNullableFormBuilder, value: WordForm) {
  return fb.group({
    topicId: [value.topicId],
    lemma: [value.lemma],
    pos: [value.pos],
    article: [value.article],
    plural: [value.plural],
    uncountable: [value.uncountable],
    pluralOnly: [value.pluralOnly],
    verb: fb.group({
      irregular: [value.verb.irregular],
      presentThirdSingular: [value.verb.presentThirdSingular],
      pastSingular: [value.verb.pastSingular],
      pastPlural: [value.verb.pastPlural],
      participle: [value.verb.participle],
      auxiliary: [value.verb.auxiliary],
      separablePrefix: [value.verb.separablePrefix],
    }),
    translations: fb.group({ en: [value.translations.en], ru: [value.translations.ru], uk: [value.translations.uk], ar: [value.translations.ar], tr: [value.translations.tr] }),
    example: fb.group({ nl: [value.example.nl], en: [value.example.en] }),
  });
}
export type WordFormGroup = ReturnType<typeof wordFormGroup>;

/** A word's fields: its topic, the Dutch word and its grammar, the translations and an example. */
@Component({
  selector: 'tall-word-fields',
  imports: [ReactiveFormsModule, TranslocoPipe, MatFormField, MatLabel, MatError, MatHint, MatInput, MatSelect, MatOption, MatCheckbox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div [formGroup]="form()" class="fields">
      <fieldset>
        <legend>{{ 'content.word.wordGroup' | transloco }}</legend>
        <div class="row">
          <mat-form-field appearance="outline" class="wide">
            <mat-label>{{ 'content.fields.topicId' | transloco }}</mat-label>
            <mat-select formControlName="topicId" data-testid="word-topic" required>
              @for (topic of topics(); track topic.id) {
                <mat-option [value]="topic.id">{{ topic.level }} · {{ topic.title }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ error()('topicId') }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'content.fields.pos' | transloco }}</mat-label>
            <mat-select formControlName="pos" data-testid="word-pos">
              @for (pos of partsOfSpeech; track pos) {
                <mat-option [value]="pos">{{ 'content.pos.' + pos | transloco }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        <div class="row">
          @if (pos() === 'noun') {
            <mat-form-field appearance="outline" class="narrow">
              <mat-label>{{ 'content.fields.article' | transloco }}</mat-label>
              <mat-select formControlName="article" data-testid="word-article" required>
                <mat-option value="de">de</mat-option>
                <mat-option value="het">het</mat-option>
              </mat-select>
              <mat-error>{{ error()('article') }}</mat-error>
            </mat-form-field>
          }
          <mat-form-field appearance="outline" class="wide">
            <mat-label>{{ 'content.fields.lemma' | transloco }}</mat-label>
            <input matInput formControlName="lemma" lang="nl" autocomplete="off" spellcheck="false" required data-testid="word-lemma" />
            <mat-hint>{{ 'content.word.lemmaHint' | transloco }}</mat-hint>
            <mat-error>{{ error()('lemma') }}</mat-error>
          </mat-form-field>
        </div>
        @if (pos() === 'noun') {
          <div class="row">
            <mat-form-field appearance="outline" class="wide">
              <mat-label>{{ 'content.fields.plural' | transloco }}</mat-label>
              <input matInput formControlName="plural" lang="nl" autocomplete="off" spellcheck="false" data-testid="word-plural" [required]="!uncountable()" />
              <mat-error>{{ error()('plural') }}</mat-error>
            </mat-form-field>
          </div>
          <div class="checks">
            <mat-checkbox formControlName="uncountable" data-testid="word-uncountable">{{ 'content.fields.uncountable' | transloco }}</mat-checkbox>
            <mat-checkbox formControlName="pluralOnly" data-testid="word-plural-only">{{ 'content.fields.pluralOnly' | transloco }}</mat-checkbox>
          </div>
          @if (error()('pluralOnly'); as message) {
            <p class="group-error" role="alert">{{ message }}</p>
          }
        }
      </fieldset>

      @if (pos() === 'verb') {
        <fieldset formGroupName="verb" data-testid="word-verb">
          <legend>{{ 'content.word.verbGroup' | transloco }}</legend>
          <div class="grid">
            @for (name of verbForms; track name) {
              <mat-form-field appearance="outline">
                <mat-label>{{ 'content.fields.verb.' + name | transloco }}</mat-label>
                <input matInput [formControlName]="name" lang="nl" autocomplete="off" spellcheck="false" required [attr.data-testid]="'word-verb-' + name" />
                <mat-error>{{ error()('verb.' + name) }}</mat-error>
              </mat-form-field>
            }
            <mat-form-field appearance="outline">
              <mat-label>{{ 'content.fields.verb.auxiliary' | transloco }}</mat-label>
              <mat-select formControlName="auxiliary" data-testid="word-verb-auxiliary">
                @for (auxiliary of auxiliaries; track auxiliary) {
                  <mat-option [value]="auxiliary">{{ auxiliary }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'content.fields.verb.separablePrefix' | transloco }}</mat-label>
              <input matInput formControlName="separablePrefix" lang="nl" autocomplete="off" spellcheck="false" data-testid="word-verb-separablePrefix" />
              <mat-hint>{{ 'content.word.prefixHint' | transloco }}</mat-hint>
              <mat-error>{{ error()('verb.separablePrefix') }}</mat-error>
            </mat-form-field>
          </div>
          <mat-checkbox formControlName="irregular" data-testid="word-verb-irregular">{{ 'content.fields.verb.irregular' | transloco }}</mat-checkbox>
          @if (error()('verb'); as message) {
            <p class="group-error" role="alert">{{ message }}</p>
          }
        </fieldset>
      }

      <fieldset formGroupName="translations">
        <legend>{{ 'content.word.translationsGroup' | transloco }}</legend>
        <div class="grid">
          @for (language of languages; track language.code) {
            <mat-form-field appearance="outline">
              <mat-label>{{ 'content.fields.translations.' + language.code | transloco }}{{ language.required ? '' : ' ' + ('content.word.optional' | transloco) }}</mat-label>
              <input
                matInput
                [formControlName]="language.code"
                [attr.lang]="language.code"
                [attr.dir]="language.code === 'ar' ? 'rtl' : null"
                autocomplete="off"
                [required]="language.required"
                [attr.data-testid]="'word-translation-' + language.code"
              />
              <mat-error>{{ error()('translations.' + language.code) }}</mat-error>
            </mat-form-field>
          }
        </div>
      </fieldset>

      <fieldset formGroupName="example">
        <legend>{{ 'content.word.exampleGroup' | transloco }}</legend>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'content.fields.example.nl' | transloco }}</mat-label>
          <textarea matInput formControlName="nl" lang="nl" rows="2" required data-testid="word-example-nl"></textarea>
          <mat-error>{{ error()('example.nl') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'content.fields.example.en' | transloco }}</mat-label>
          <textarea matInput formControlName="en" lang="en" rows="2" required data-testid="word-example-en"></textarea>
          <mat-error>{{ error()('example.en') }}</mat-error>
        </mat-form-field>
      </fieldset>
    </div>
  `,
  styleUrl: './content-fields.scss',
})
export class WordFields {
  readonly form = input.required<WordFormGroup>();
  readonly topics = input.required<readonly ContentSummary[]>();
  /** The part of speech chosen (which fields show). */
  readonly pos = input.required<string>();
  readonly uncountable = input(false);
  /** The message for a field's path, or null. */
  readonly error = input.required<(path: string) => string | null>();
  protected readonly partsOfSpeech = PARTS_OF_SPEECH;
  protected readonly auxiliaries = AUXILIARIES;
  protected readonly verbForms = ['presentThirdSingular', 'pastSingular', 'pastPlural', 'participle'] as const;
  protected readonly languages = [...REQUIRED_LANGUAGES.map((code) => ({ code, required: true })), ...OPTIONAL_LANGUAGES.map((code) => ({ code, required: false }))];
}

/** The reactive form of a topic. */
export function topicFormGroup(fb: NonNullableFormBuilder) {
  return fb.group({
    slug: [''],
    title: fb.group({ nl: [''], en: [''] }),
    level: ['A1' as string],
    order: fb.control<number | null>(null),
  });
}
export type TopicFormGroup = FormGroup<ReturnType<typeof topicFormGroup>['controls']>;
