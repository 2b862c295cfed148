import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatAnchor, MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, MatPaginatorIntl, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlider, MatSliderThumb } from '@angular/material/slider';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { call, type TopicSummary } from '@tall/client/api';
import { createImportStore, READER_LEVELS, TEXT_SOURCES, type LibraryFilters, type TextSummary } from '@tall/client/reader/data-access';
import { UiLanguage } from '../core/i18n';
import { fromStore } from '../core/store-signal';
import { TALL_API } from '../core/tall-client';
import { TranslatedPaginatorIntl } from '../ops/translated-paginator-intl';
import { ConfirmDialog, type ConfirmData } from '../shared/confirm.dialog';
import { EmptyState, LoadingState } from '../shared/loading-state';
import { PageHeader } from '../shared/page-header';
import { ProblemBanner } from '../shared/problem-banner';
import { ImportTextDialog, type ImportTextData } from './import-text.dialog';
import { LIBRARY_STORE, TEXT_UPLOAD } from './read.routes';

/** Typing in the search waits this long before asking the API. */
const SEARCH_DELAY_MS = 300;

/** The reader's library: texts to read, filtered by source, level, topic, known words and title. */
@Component({
  selector: 'tall-reader-library',
  imports: [
    DecimalPipe,
    FormsModule,
    RouterLink,
    TranslocoPipe,
    MatAnchor,
    MatButton,
    MatIconButton,
    MatIcon,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatInput,
    MatSelect,
    MatOption,
    MatSlider,
    MatSliderThumb,
    MatProgressBar,
    MatPaginator,
    PageHeader,
    ProblemBanner,
    LoadingState,
    EmptyState,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './library.page.html',
  styleUrl: './library.page.scss',
})
export class LibraryPage {
  private readonly store = inject(LIBRARY_STORE);
  private readonly upload = inject(TEXT_UPLOAD);
  private readonly api = inject(TALL_API);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(UiLanguage);
  protected readonly library = fromStore(this.store);
  protected readonly sources = TEXT_SOURCES;
  protected readonly levels = READER_LEVELS;
  protected readonly topics = signal<TopicSummary[]>([]);
  protected readonly search = signal(this.store.getState().filters.search);
  /** The slider's value while it moves; the list follows when it is let go. */
  protected readonly minKnown = signal(this.store.getState().filters.minKnown);
  protected readonly filtered = computed(() => {
    const { source, level, topic, search, minKnown } = this.library().filters;
    return source !== null || level !== null || topic !== null || search.trim() !== '' || minKnown > 0;
  });
  protected readonly percentLabel = (value: number) => `${value}%`;
  private searchTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    void this.store.getState().load();
    // The dictionary's topics name the texts' topics; a text whose topic is not among them shows its slug.
    void call(this.api.GET('/api/v1/vocabulary/topics', { params: { query: {} } }))
      .then((topics) => this.topics.set([...topics].sort((a, b) => a.level.localeCompare(b.level) || a.order - b.order)))
      .catch(() => undefined);
    inject(DestroyRef).onDestroy(() => this.searchTimer && clearTimeout(this.searchTimer));
  }

  protected topicName(slug: string | null): string {
    if (!slug) return '';
    const topic = this.topics().find((candidate) => candidate.slug === slug);
    if (!topic) return slug;
    return this.language.current() === 'nl' ? topic.title.nl : topic.title.en;
  }

  protected filter(change: Partial<LibraryFilters>): void {
    void this.store.getState().load(change);
  }

  protected searchChanged(value: string): void {
    this.search.set(value);
    if (this.searchTimer) clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.filter({ search: value }), SEARCH_DELAY_MS);
  }

  protected clearFilters(): void {
    this.search.set('');
    this.minKnown.set(0);
    this.filter({ source: null, level: null, topic: null, search: '', minKnown: 0 });
  }

  protected page(event: PageEvent): void {
    void this.store.getState().load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  /** Started and not yet finished: the card offers to continue. */
  protected inProgress(text: TextSummary): boolean {
    return !!text.position && !text.position.finished;
  }

  protected async importText(): Promise<void> {
    const data: ImportTextData = { store: createImportStore(this.upload) };
    const created = await this.dialog
      .open<ImportTextDialog, ImportTextData, TextSummary | undefined>(ImportTextDialog, { data, width: '640px', maxWidth: '95vw', autoFocus: 'first-tabbable' })
      .afterClosed()
      .toPromise();
    if (created) await this.router.navigate(['/read/texts', created.id]);
  }

  protected async remove(text: TextSummary): Promise<void> {
    const data: ConfirmData = {
      title: this.transloco.translate('reader.library.deleteTitle'),
      body: this.transloco.translate('reader.library.deleteBody', { title: text.title }),
      confirm: this.transloco.translate('reader.library.delete'),
    };
    const confirmed = await this.dialog.open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, { data }).afterClosed().toPromise();
    if (confirmed) await this.store.getState().remove(text.id);
  }
}
