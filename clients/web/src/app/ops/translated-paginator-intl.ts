import { Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslocoService } from '@jsverse/transloco';

/**
 * The paginator's labels in the interface language (Material's own are English only); follows a
 * change of language. Provide it next to the component that shows the paginator.
 */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly transloco = inject(TranslocoService);

  constructor() {
    super();
    // Emits once the active language's file has loaded, and again on every change of language.
    this.transloco
      .selectTranslation()
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        const t = (key: string) => this.transloco.translate(`paginator.${key}`);
        this.itemsPerPageLabel = t('perPage');
        this.nextPageLabel = t('next');
        this.previousPageLabel = t('previous');
        this.firstPageLabel = t('first');
        this.lastPageLabel = t('last');
        this.changes.next();
      });
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    const start = length === 0 ? 0 : page * pageSize + 1;
    const end = Math.min(length, (page + 1) * pageSize);
    return this.transloco.translate('paginator.range', { start, end, total: length });
  };
}
