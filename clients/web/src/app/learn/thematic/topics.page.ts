import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CefrLevel, TopicSummary } from '@tall/client/api';
import { UiLanguage } from '../../core/i18n';
import { fromStore } from '../../core/store-signal';
import { EmptyState, LoadingState } from '../../shared/loading-state';
import { PageHeader } from '../../shared/page-header';
import { ProblemBanner } from '../../shared/problem-banner';
import { THEMATIC_STORE } from './thematic.routes';

const LEVELS: readonly CefrLevel[] = ['A1', 'A2', 'B1', 'B2'];

/** Topics by level, each with the student's mastery. */
@Component({
  selector: 'tall-thematic-topics',
  imports: [RouterLink, TranslocoPipe, PercentPipe, DecimalPipe, MatButton, MatIcon, MatProgressBar, MatButtonToggleGroup, MatButtonToggle, PageHeader, ProblemBanner, LoadingState, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './topics.page.html',
  styleUrl: './topics.page.scss',
})
export class TopicsPage {
  private readonly store = inject(THEMATIC_STORE);
  protected readonly thematic = fromStore(this.store);
  protected readonly language = inject(UiLanguage);
  protected readonly levels = LEVELS;
  protected readonly level = signal<CefrLevel | 'ALL'>('ALL');
  protected readonly groups = computed(() => {
    const chosen = this.level();
    return LEVELS.filter((level) => chosen === 'ALL' || chosen === level)
      .map((level) => ({ level, topics: this.thematic().topics.filter((topic) => topic.level === level) }))
      .filter((group) => group.topics.length > 0);
  });

  constructor() {
    void this.store.getState().loadTopics();
  }

  protected title(topic: TopicSummary): string {
    return this.language.current() === 'nl' ? topic.title.nl : topic.title.en;
  }

  protected subtitle(topic: TopicSummary): string {
    return this.language.current() === 'nl' ? topic.title.en : topic.title.nl;
  }

  protected reload(): void {
    void this.store.getState().loadTopics();
  }
}
