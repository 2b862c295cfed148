import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { CONTENT_LEVELS } from '@tall/client/admin/data-access';
import type { TopicFormGroup } from './word-fields';

/** A dictionary topic's fields: its slug, Dutch and English titles, level and place in the list. */
@Component({
  selector: 'tall-topic-fields',
  imports: [ReactiveFormsModule, TranslocoPipe, MatFormField, MatLabel, MatError, MatHint, MatInput, MatSelect, MatOption],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div [formGroup]="form()" class="fields">
      <fieldset>
        <legend>{{ 'content.topic.group' | transloco }}</legend>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'content.fields.slug' | transloco }}</mat-label>
          <input matInput formControlName="slug" autocomplete="off" spellcheck="false" required data-testid="topic-slug" />
          <mat-hint>{{ 'content.topic.slugHint' | transloco }}</mat-hint>
          <mat-error>{{ error()('slug') }}</mat-error>
        </mat-form-field>
        <div formGroupName="title" class="grid">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'content.fields.title.nl' | transloco }}</mat-label>
            <input matInput formControlName="nl" lang="nl" autocomplete="off" required data-testid="topic-title-nl" />
            <mat-error>{{ error()('title.nl') }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'content.fields.title.en' | transloco }}</mat-label>
            <input matInput formControlName="en" lang="en" autocomplete="off" required data-testid="topic-title-en" />
            <mat-error>{{ error()('title.en') }}</mat-error>
          </mat-form-field>
        </div>
        <div class="grid">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'content.fields.level' | transloco }}</mat-label>
            <mat-select formControlName="level" data-testid="topic-level">
              @for (level of levels; track level) {
                <mat-option [value]="level">{{ level }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'content.fields.order' | transloco }}</mat-label>
            <input matInput type="number" min="1" max="99" step="1" formControlName="order" required data-testid="topic-order" />
            <mat-hint>{{ 'content.topic.orderHint' | transloco }}</mat-hint>
            <mat-error>{{ error()('order') }}</mat-error>
          </mat-form-field>
        </div>
      </fieldset>
    </div>
  `,
  styleUrl: './content-fields.scss',
})
export class TopicFields {
  readonly form = input.required<TopicFormGroup>();
  readonly error = input.required<(path: string) => string | null>();
  protected readonly levels = CONTENT_LEVELS;
}
