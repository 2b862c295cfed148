import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, MatPaginatorIntl, type PageEvent } from '@angular/material/paginator';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { EXERCISE_LEVELS, EXERCISE_TYPES, type CatalogFilters } from '@tall/client/exercises/data-access';
import { UiLanguage } from '../core/i18n';
import { fromStore } from '../core/store-signal';
import { TranslatedPaginatorIntl } from '../ops/translated-paginator-intl';
import { EmptyState, LoadingState } from '../shared/loading-state';
import { PageHeader } from '../shared/page-header';
import { ProblemBanner } from '../shared/problem-banner';
import { ExerciseCard, TYPE_ICONS } from './exercise-card';
import { CATALOG_STORE, WEEKLY_STORE } from './exercises.routes';

/** The exercises: this week's set, made from the student's words, and the school's exercises by type and level. */
@Component({
  selector: 'tall-exercise-list',
  imports: [DatePipe, TranslocoPipe, MatButton, MatIcon, MatFormField, MatLabel, MatSelect, MatOption, MatPaginator, PageHeader, ProblemBanner, LoadingState, EmptyState, ExerciseCard],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './exercise-list.page.html',
  styleUrl: './exercise-list.page.scss',
})
export class ExerciseListPage {
  private readonly catalogStore = inject(CATALOG_STORE);
  private readonly weeklyStore = inject(WEEKLY_STORE);
  protected readonly catalog = fromStore(this.catalogStore);
  protected readonly weekly = fromStore(this.weeklyStore);
  protected readonly language = inject(UiLanguage);
  protected readonly types = EXERCISE_TYPES;
  protected readonly levels = EXERCISE_LEVELS;
  protected readonly icons = TYPE_ICONS;
  protected readonly filtered = computed(() => this.catalog().filters.type !== null || this.catalog().filters.level !== null);

  constructor() {
    // Both again on every visit: the scores of the exercise just done should show.
    void this.weeklyStore.getState().load();
    void this.catalogStore.getState().load();
  }

  protected filter(change: Partial<CatalogFilters>): void {
    void this.catalogStore.getState().load(change);
  }

  protected clearFilters(): void {
    this.filter({ type: null, level: null });
  }

  protected page(event: PageEvent): void {
    void this.catalogStore.getState().load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected reloadWeekly(): void {
    void this.weeklyStore.getState().load();
  }
}
