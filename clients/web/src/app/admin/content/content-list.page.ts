import { BreakpointObserver } from '@angular/cdk/layout';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, MatPaginatorIntl, type PageEvent } from '@angular/material/paginator';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CONTENT_LEVELS, CONTENT_STATUSES, type ContentFilters, type ContentKind, type ContentSummary } from '@tall/client/admin/data-access';
import { map } from 'rxjs';
import { UiLanguage } from '../../core/i18n';
import { fromStore } from '../../core/store-signal';
import { TranslatedPaginatorIntl } from '../../ops/translated-paginator-intl';
import { EmptyState, LoadingState } from '../../shared/loading-state';
import { PageHeader } from '../../shared/page-header';
import { ProblemBanner } from '../../shared/problem-banner';
import { AdminNav } from '../admin-nav';
import { ActorPipe } from './content-labels';
import { CONTENT_LIST_STORE, TOPIC_CHOICES } from './content.routes';
import { StatusChip } from './status-chip';

/** How long typing in the search waits before it asks the API. */
const SEARCH_DELAY_MS = 300;

/**
 * The content admin's list: words or topics, all of them or the review queue (in review), filtered
 * by status, level, topic and text, paged. The kind and the queue are in the address, so a link
 * opens the same view.
 */
@Component({
  selector: 'tall-content-list',
  imports: [
    DatePipe,
    RouterLink,
    TranslocoPipe,
    MatTableModule,
    MatPaginator,
    MatButton,
    MatIcon,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatInput,
    MatSelect,
    MatOption,
    PageHeader,
    ProblemBanner,
    LoadingState,
    EmptyState,
    AdminNav,
    StatusChip,
    ActorPipe,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './content-list.page.html',
  styleUrl: './content-list.page.scss',
})
export class ContentListPage {
  private readonly store = inject(CONTENT_LIST_STORE);
  private readonly topicStore = inject(TOPIC_CHOICES);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly list = fromStore(this.store);
  protected readonly topicChoices = fromStore(this.topicStore);
  protected readonly language = inject(UiLanguage);
  protected readonly statuses = CONTENT_STATUSES;
  protected readonly levels = CONTENT_LEVELS;
  protected readonly narrow = toSignal(inject(BreakpointObserver).observe('(max-width: 720px)').pipe(map((state) => state.matches)), { initialValue: false });
  protected readonly columns = computed(() => (this.list().kind === 'words' ? ['title', 'status', 'level', 'topic', 'version', 'updated'] : ['title', 'status', 'level', 'version', 'updated']));
  protected readonly reviewQueue = computed(() => this.list().filters.status === 'in_review');
  protected readonly filtered = computed(() => {
    const { status, level, topic, q } = this.list().filters;
    return status !== null || level !== null || topic !== null || q.trim() !== '';
  });
  private readonly topicTitles = computed(() => new Map(this.topicChoices().topics.map((topic) => [topic.id, topic.title])));
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    void this.topicStore.getState().load();
    // Again on every visit (an item may just have been saved), then as the address changes.
    let first = true;
    const subscription = this.route.queryParamMap.subscribe((params) => {
      const kind: ContentKind = params.get('kind') === 'topics' ? 'topics' : 'words';
      const queue = params.get('view') === 'review';
      const { kind: current, filters } = this.store.getState();
      const status = queue ? 'in_review' : filters.status === 'in_review' ? null : filters.status;
      if (first || kind !== current || status !== filters.status) void this.store.getState().load({ kind, status });
      first = false;
    });
    inject(DestroyRef).onDestroy(() => {
      subscription.unsubscribe();
      clearTimeout(this.searchTimer);
    });
  }

  protected showKind(kind: ContentKind): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { kind, view: this.reviewQueue() ? 'review' : null }, queryParamsHandling: 'merge' });
  }

  protected showQueue(queue: boolean): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { view: queue ? 'review' : null }, queryParamsHandling: 'merge' });
  }

  protected filter(change: Partial<ContentFilters>): void {
    // Choosing another status leaves the review queue (and choosing "in review" is the queue).
    if ('status' in change) {
      const queue = change.status === 'in_review';
      if (queue !== this.reviewQueue()) {
        void this.router.navigate([], { relativeTo: this.route, queryParams: { view: queue ? 'review' : null }, queryParamsHandling: 'merge' });
        if (queue) return;
      }
    }
    void this.store.getState().load(change);
  }

  protected search(text: string): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.store.getState().load({ q: text }), SEARCH_DELAY_MS);
  }

  protected searchNow(text: string): void {
    clearTimeout(this.searchTimer);
    void this.store.getState().load({ q: text });
  }

  protected clearFilters(): void {
    clearTimeout(this.searchTimer);
    if (this.reviewQueue()) this.showQueue(false);
    void this.store.getState().load({ status: null, level: null, topic: null, q: '' });
  }

  protected page(event: PageEvent): void {
    void this.store.getState().load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected topicTitle(item: ContentSummary): string {
    return item.topic ? (this.topicTitles().get(item.topic) ?? item.topic) : '—';
  }

  protected reload(): void {
    void this.store.getState().load();
  }
}
