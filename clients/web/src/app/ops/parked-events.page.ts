import { BreakpointObserver } from '@angular/cdk/layout';
import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, MatPaginatorIntl, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect, MatSelectTrigger } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ApiProblem } from '@tall/client/api';
import type { ParkedEvent, ParkedEventDiscard, ParkedEventReplay, ParkedOutcome } from '@tall/client/ops/data-access';
import { firstValueFrom, map } from 'rxjs';
import { UiLanguage } from '../core/i18n';
import { problemText } from '../core/problem-text';
import { fromStore } from '../core/store-signal';
import { ConfirmDialog, type ConfirmData } from '../shared/confirm.dialog';
import { EmptyState } from '../shared/loading-state';
import { PageHeader } from '../shared/page-header';
import { ProblemBanner } from '../shared/problem-banner';
import { PARKED_EVENTS_STORE } from './ops.routes';
import { ParkedConsumerSummary } from './parked-consumer-summary';
import { ParkedEventDetail } from './parked-event-detail';
import { TranslatedPaginatorIntl } from './translated-paginator-intl';

/** A long error in a snackbar is cut here; the whole text is in the row's details. */
const SNACK_ERROR_LENGTH = 160;

/**
 * For technical admins: the events the consumers gave up on (and those waiting behind them), with
 * their error and payload, to run again or drop for good.
 */
@Component({
  selector: 'tall-parked-events',
  imports: [
    DatePipe,
    NgTemplateOutlet,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    MatTableModule,
    MatPaginator,
    MatProgressBar,
    MatButton,
    MatIconButton,
    MatIcon,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatSelect,
    MatSelectTrigger,
    MatOption,
    MatTooltip,
    PageHeader,
    ProblemBanner,
    EmptyState,
    ParkedConsumerSummary,
    ParkedEventDetail,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './parked-events.page.html',
  styleUrl: './parked-events.page.scss',
})
export class ParkedEventsPage {
  private readonly store = inject(PARKED_EVENTS_STORE);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly listHeading = viewChild<ElementRef<HTMLElement>>('listHeading');
  protected readonly language = inject(UiLanguage);
  protected readonly parked = fromStore(this.store);
  protected readonly narrow = toSignal(inject(BreakpointObserver).observe('(max-width: 760px)').pipe(map((state) => state.matches)), { initialValue: false });
  protected readonly columns = ['expand', 'reason', 'consumer', 'event', 'key', 'parkedAt', 'attempts', 'actions'];
  protected readonly topic = new FormControl('', { nonNullable: true });
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly allParked = computed(() => this.parked().consumers.reduce((sum, consumer) => sum + consumer.count, 0));
  protected readonly selectedCount = computed(() => this.parked().consumers.find((row) => row.consumer === this.parked().query.consumer)?.count ?? 0);
  protected readonly filtered = computed(() => this.parked().query.consumer !== null || this.parked().query.topic !== null);
  /** The list's problem with no list to show: the whole panel explains it. */
  protected readonly failed = computed(() => !this.parked().loaded && this.parked().problem !== null);
  protected readonly loadProblem = computed(() => {
    const problem = this.parked().problem;
    return problem ? problemText(problem) : null;
  });

  constructor() {
    void this.store.getState().load();
  }

  protected refresh(): void {
    void this.store.getState().load();
  }

  protected filterConsumer(consumer: string | null): void {
    void this.store.getState().load({ consumer });
  }

  protected applyTopic(): void {
    void this.store.getState().load({ topic: this.topic.value });
  }

  protected clearFilters(): void {
    this.topic.setValue('');
    void this.store.getState().load({ consumer: null, topic: null });
  }

  protected page(event: PageEvent): void {
    void this.store.getState().load({ limit: event.pageSize, offset: event.pageIndex * event.pageSize });
  }

  protected isExpanded(event: ParkedEvent): boolean {
    return this.expanded().has(event.id);
  }

  protected toggle(event: ParkedEvent): void {
    const next = new Set(this.expanded());
    if (!next.delete(event.id)) next.add(event.id);
    this.expanded.set(next);
  }

  protected async replay(event: ParkedEvent): Promise<void> {
    // One action at a time: the buttons only look disabled (they keep focus), so ask the store.
    if (this.store.getState().acting !== null) return;
    const outcome = await this.store.getState().replay(event.id);
    this.report(event, outcome, (result: ParkedEventReplay) =>
      result.error === null
        ? this.toast('ops.parked.replayed', { applied: result.applied, remaining: result.remaining })
        : this.toast(
            result.applied === 0 ? 'ops.parked.replayFailedFirst' : 'ops.parked.replayFailed',
            { applied: result.applied, remaining: result.remaining, error: this.shorten(result.error) },
            true,
          ),
    );
  }

  protected async discard(event: ParkedEvent): Promise<void> {
    if (this.store.getState().acting !== null) return;
    const data: ConfirmData = {
      title: this.transloco.translate('ops.parked.discardTitle'),
      body: this.transloco.translate('ops.parked.discardBody', { type: event.type, consumer: event.consumer, key: event.key }),
      confirm: this.transloco.translate('ops.parked.discard'),
    };
    // The dialog gives focus back to the Discard button when it closes.
    const confirmed = await firstValueFrom(this.dialog.open(ConfirmDialog, { data, width: '480px', maxWidth: '95vw' }).afterClosed());
    if (!confirmed) return;
    const outcome = await this.store.getState().discard(event.id);
    this.report(event, outcome, (result: ParkedEventDiscard) => this.toast('ops.parked.discarded', { remaining: result.remaining }));
  }

  private report<T>(event: ParkedEvent, outcome: ParkedOutcome<T>, done: (value: T) => void): void {
    if (outcome.ok) done(outcome.value);
    else this.refused(event, outcome.problem);
    this.keepFocus();
  }

  private refused(event: ParkedEvent, problem: ApiProblem): void {
    if (problem.code === 'CONSUMER_NOT_HOSTED') this.toast('ops.parked.notHosted', { consumer: event.consumer }, true);
    else if (problem.code === 'PARKED_EVENT_NOT_FOUND') this.toast('ops.parked.notFound', {}, true);
    else {
      const text = problemText(problem);
      this.toast(text.key, text.params, true);
    }
  }

  /** The row whose button had focus may be gone after the refresh: then the list's heading takes it. */
  private keepFocus(): void {
    afterNextRender(
      () => {
        const active = document.activeElement;
        if (!active || active === document.body || !this.host.nativeElement.contains(active)) this.listHeading()?.nativeElement.focus();
      },
      { injector: this.injector },
    );
  }

  private shorten(text: string): string {
    return text.length > SNACK_ERROR_LENGTH ? `${text.slice(0, SNACK_ERROR_LENGTH - 1)}…` : text;
  }

  private toast(key: string, params: Record<string, unknown> = {}, failure = false): void {
    const text = this.transloco.translate(key, params);
    // Failures stay until dismissed or for longer: they carry an error to read.
    if (failure) this.snackBar.open(text, this.transloco.translate('common.dismiss'), { duration: 12_000 });
    else this.snackBar.open(text, undefined, { duration: 6000 });
  }
}
