import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { clockTime, VIDEO_LEVELS, type VideoFilters, type VideoSummary } from '@tall/client/listening/data-access';
import { fromStore } from '../core/store-signal';
import { EmptyState, LoadingState } from '../shared/loading-state';
import { PageHeader } from '../shared/page-header';
import { ProblemBanner } from '../shared/problem-banner';
import { VIDEO_LIBRARY_STORE } from './listen.routes';
import { TopicNames } from './topic-names';

/** The listening library: short Dutch videos with questions, by level and topic, with where the student is in each. */
@Component({
  selector: 'tall-video-library',
  imports: [RouterLink, TranslocoPipe, MatAnchor, MatButton, MatIcon, MatFormField, MatLabel, MatSelect, MatOption, MatProgressBar, PageHeader, ProblemBanner, LoadingState, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './video-library.page.html',
  styleUrl: './video-library.page.scss',
})
export class VideoLibraryPage {
  private readonly store = inject(VIDEO_LIBRARY_STORE);
  protected readonly topicNames = inject(TopicNames);
  protected readonly library = fromStore(this.store);
  protected readonly levels = VIDEO_LEVELS;
  protected readonly clockTime = clockTime;
  protected readonly filtered = computed(() => this.library().filters.level !== null || this.library().filters.topic !== null);

  constructor() {
    void this.store.getState().load();
  }

  protected filter(change: Partial<VideoFilters>): void {
    void this.store.getState().load(change);
  }

  protected clearFilters(): void {
    this.filter({ level: null, topic: null });
  }

  /** Started and not watched to the end: the card offers to continue. */
  protected inProgress(video: VideoSummary): boolean {
    return !!video.position && !video.position.completed && video.position.positionSeconds > 0;
  }

  protected watchedPercent(video: VideoSummary): number {
    if (!video.position || video.durationSeconds <= 0) return 0;
    return Math.min(100, Math.round((video.position.positionSeconds / video.durationSeconds) * 100));
  }

  /** Posters are pre-signed for minutes: one that fails after that comes back with a new list. */
  protected posterFailed(): void {
    void this.store.getState().renewIfExpired();
  }
}
