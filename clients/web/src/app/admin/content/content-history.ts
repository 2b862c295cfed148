import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ContentDiffEntry, ContentHistoryEntry } from '@tall/client/admin/data-access';
import { UiLanguage } from '../../core/i18n';
import { ActorPipe, contentValueText } from './content-labels';
import { StatusChip } from './status-chip';

const ACTION_ICONS: Record<ContentHistoryEntry['action'], string> = {
  adopted: 'inventory_2',
  created: 'add_circle',
  edited: 'edit',
  submitted: 'rate_review',
  published: 'public',
  archived: 'archive',
};

/** An item's revisions, newest first: what was done, by whom and when, and each changed field as old → new. */
@Component({
  selector: 'tall-content-history',
  imports: [DatePipe, TranslocoPipe, MatIcon, ActorPipe, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="entries" [attr.aria-label]="'content.history.title' | transloco">
      @for (entry of entries(); track entry.revision) {
        <li class="entry" data-testid="history-entry" [attr.data-action]="entry.action" [attr.data-revision]="entry.revision">
          <div class="head">
            <mat-icon aria-hidden="true">{{ icons[entry.action] }}</mat-icon>
            <span class="action">{{ 'content.history.actions.' + entry.action | transloco }}</span>
            <span class="who">{{ entry.actorId | actor }}</span>
            <time class="when" [attr.datetime]="entry.at">{{ entry.at | date: 'medium' : undefined : language.current() }}</time>
          </div>
          <div class="meta">
            <span>{{ 'content.history.revision' | transloco: { revision: entry.revision } }}</span>
            <tall-status-chip [status]="entry.status" />
            @if (entry.publishedVersion > 0) {
              <span>{{ 'content.history.version' | transloco: { version: entry.publishedVersion } }}</span>
            }
          </div>
          @if (entry.override; as override) {
            <p class="override" data-testid="history-override">
              <mat-icon aria-hidden="true">gavel</mat-icon>
              <span><strong>{{ 'content.history.override' | transloco }}</strong> {{ override.reason }}</span>
            </p>
          }
          @if (entry.diff.length > 0) {
            <table class="diff" data-testid="history-diff">
              <caption class="visually-hidden">{{ 'content.history.changes' | transloco: { revision: entry.revision } }}</caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'content.history.field' | transloco }}</th>
                  <th scope="col">{{ 'content.history.before' | transloco }}</th>
                  <th scope="col">{{ 'content.history.after' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (change of entry.diff; track change.path) {
                  <tr data-testid="history-change" [attr.data-op]="change.op" [attr.data-path]="change.path">
                    <th scope="row">
                      {{ fieldLabel(change.path) }}
                      <span class="op" [class]="change.op">{{ 'content.history.ops.' + change.op | transloco }}</span>
                    </th>
                    <td class="from"><del>{{ change.op === 'added' ? '—' : value(change.from) }}</del></td>
                    <td class="to"><ins>{{ change.op === 'removed' ? '—' : value(change.to) }}</ins></td>
                  </tr>
                }
              </tbody>
            </table>
          }
        </li>
      }
    </ol>
  `,
  styles: `
    .entries {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .entry {
      padding: 16px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .entry:last-child {
      border-bottom: 0;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
    }
    .head mat-icon {
      color: var(--mat-sys-primary);
    }
    .action {
      font: var(--mat-sys-title-small);
    }
    .who {
      font: var(--mat-sys-body-medium);
    }
    .when {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      margin: 8px 0 0 36px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .override {
      display: flex;
      align-items: flex-start;
      gap: 8px;
      margin: 10px 0 0 36px;
      padding: 8px 12px;
      border-radius: 12px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      font: var(--mat-sys-body-medium);
    }
    .diff {
      width: calc(100% - 36px);
      margin: 10px 0 0 36px;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    .diff th,
    .diff td {
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: left;
      vertical-align: top;
      overflow-wrap: anywhere;
    }
    .diff thead th {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
    }
    .diff tbody th {
      font: var(--mat-sys-label-large);
    }
    .op {
      display: inline-block;
      margin-left: 6px;
      padding: 0 6px;
      border-radius: 6px;
      font: var(--mat-sys-label-small);
    }
    .op.added {
      background: #c8ebd0;
      color: #0d3b19;
    }
    .op.removed {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .op.changed {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    del {
      color: var(--mat-sys-error);
    }
    ins {
      text-decoration: none;
      color: #14521c;
      font-weight: 500;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    @media (max-width: 600px) {
      .meta,
      .override {
        margin-left: 0;
      }
      .diff {
        width: 100%;
        margin-left: 0;
      }
    }
  `,
})
export class ContentHistory {
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(UiLanguage);
  readonly entries = input.required<readonly ContentHistoryEntry[]>();
  protected readonly icons = ACTION_ICONS;

  /** The field's name as the editor labels it (`translations.en` → "English translation"), or the path itself. */
  protected fieldLabel(path: ContentDiffEntry['path']): string {
    const key = `content.fields.${path}`;
    const label = this.transloco.translate(key);
    if (label === key || typeof label !== 'string') return path;
    return path.startsWith('translations.') ? `${this.transloco.translate('content.word.translationsGroup')} · ${label}` : label;
  }

  protected value(value: unknown): string {
    return contentValueText(value, this.transloco.translate('content.history.yes'), this.transloco.translate('content.history.no'));
  }
}
