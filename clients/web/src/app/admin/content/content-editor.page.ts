import { LiveAnnouncer } from '@angular/cdk/a11y';
import { DatePipe } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, ChangeDetectorRef, Component, computed, DestroyRef, effect, ElementRef, inject, Injector, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormGroup, NonNullableFormBuilder } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  allowedActions,
  emptyTopicForm,
  emptyWordForm,
  needsOverride,
  SECOND_ADMIN_REQUIRED,
  topicContentOf,
  topicFormOf,
  topicProblems,
  wordContentOf,
  wordFormOf,
  wordProblems,
  type ContentKind,
  type FieldProblems,
  type TopicForm,
  type WordForm,
} from '@tall/client/admin/data-access';
import { firstValueFrom } from 'rxjs';
import { UiLanguage } from '../../core/i18n';
import { fromStore } from '../../core/store-signal';
import { AUTH_STORE } from '../../core/tall-client';
import { ConfirmDialog, type ConfirmData } from '../../shared/confirm.dialog';
import { EmptyState, LoadingState } from '../../shared/loading-state';
import { ProblemBanner } from '../../shared/problem-banner';
import { AdminNav } from '../admin-nav';
import { ContentHistory } from './content-history';
import { ActorPipe } from './content-labels';
import { CONTENT_ITEM_STORE, TOPIC_CHOICES, type LeaveGuarded } from './content.routes';
import { OverrideDialog } from './override.dialog';
import { StatusChip } from './status-chip';
import { TopicFields } from './topic-fields';
import { topicFormGroup, WordFields, wordFormGroup } from './word-fields';
import { WordPreview } from './word-preview';

const HISTORY_TAB = 2;

/** The leaf controls of a form by their dotted path (`translations.en`). */
function leaves(group: FormGroup, prefix = ''): Array<[string, AbstractControl]> {
  return Object.entries(group.controls).flatMap(([name, control]) =>
    control instanceof FormGroup ? leaves(control, `${prefix}${name}.`) : [[`${prefix}${name}`, control] as [string, AbstractControl]],
  );
}

/**
 * One word or topic: its form with the dictionary's rules checked as one types (and the API's
 * refusals shown on their fields), a preview as a student sees it, its history, and the workflow:
 * save against the revision it started from, submit for review, publish (with a reason when it is
 * one's own submission), archive.
 */
@Component({
  selector: 'tall-content-editor',
  imports: [DatePipe, RouterLink, TranslocoPipe, MatButton, MatIcon, MatProgressSpinner, MatTabGroup, MatTab, ProblemBanner, LoadingState, EmptyState, AdminNav, StatusChip, ActorPipe, WordFields, TopicFields, WordPreview, ContentHistory],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './content-editor.page.html',
  styleUrl: './content-editor.page.scss',
})
export class ContentEditorPage implements LeaveGuarded {
  private readonly store = inject(CONTENT_ITEM_STORE);
  private readonly topicStore = inject(TOPIC_CHOICES);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly changes = inject(ChangeDetectorRef);
  private readonly injector = inject(Injector);
  protected readonly language = inject(UiLanguage);
  protected readonly editor = fromStore(this.store);
  protected readonly topicChoices = fromStore(this.topicStore);
  private readonly auth = fromStore(inject(AUTH_STORE));
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly wordForm = wordFormGroup(this.fb, emptyWordForm());
  protected readonly topicForm = topicFormGroup(this.fb);
  private readonly params = toSignal(this.route.paramMap, { requireSync: true });
  protected readonly kind = computed<ContentKind>(() => (this.params().get('kind') === 'topics' ? 'topics' : 'words'));
  protected readonly isNew = computed(() => this.params().get('id') === 'new');
  /** The form as typed (which fields a word shows). */
  protected readonly wordValue = signal<WordForm>(emptyWordForm());
  protected readonly tab = signal(0);
  /** What the dictionary's rules say about the working copy (read through the form's shape, so an empty one is fine). */
  private readonly problems = computed<FieldProblems>(() => {
    const content = this.editor().content;
    return this.kind() === 'words' ? wordProblems(wordContentOf(wordFormOf(content))) : topicProblems(topicContentOf(topicFormOf(content)));
  });
  /** The message for a field: the API's own when it refused it, else the rule it breaks. */
  protected readonly errorOf = computed(() => {
    const problems = this.problems();
    const server = this.editor().serverErrors;
    this.language.current();
    return (path: string): string | null => server[path] ?? (problems[path] ? this.transloco.translate(`content.errors.${problems[path].key}`, problems[path].params ?? {}) : null);
  });
  /** The API's refusals of fields this form has no place for (shown above it). */
  protected readonly otherErrors = computed(() => {
    const form = this.kind() === 'words' ? this.wordForm : this.topicForm;
    const fields = new Set(leaves(form as unknown as FormGroup).map(([path]) => path));
    const shownApart = new Set(['verb', 'pluralOnly']);
    return Object.entries(this.editor().serverErrors).filter(([path]) => !fields.has(path) && !shownApart.has(path));
  });
  protected readonly actions = computed(() => allowedActions(this.editor().item));
  protected readonly ownSubmission = computed(() => needsOverride(this.editor().item, this.auth().user?.id));
  protected readonly heading = computed(() => this.editor().item?.title ?? this.transloco.translate(this.kind() === 'words' ? 'content.editor.newWord' : 'content.editor.newTopic'));
  private shownBaseline: unknown = null;
  private created: string | null = null;

  constructor() {
    void this.topicStore.getState().load();
    effect(() => {
      const params = this.params();
      untracked(() => this.open(params.get('kind') === 'topics' ? 'topics' : 'words', params.get('id') ?? 'new', this.route.snapshot.queryParamMap.get('topic')));
    });
    // The form follows what the editing started from (loaded, saved, reloaded), never each keystroke.
    effect(() => {
      const { baseline, kind } = this.editor();
      if (baseline === this.shownBaseline) return;
      this.shownBaseline = baseline;
      untracked(() => this.showInForm(kind, baseline));
    });
    // The fields that break a rule, or that the API refused, are marked on the form.
    effect(() => {
      const problems = this.problems();
      const server = this.editor().serverErrors;
      const form = (this.kind() === 'words' ? this.wordForm : this.topicForm) as unknown as FormGroup;
      for (const [path, control] of leaves(form)) {
        const refused = path in server;
        control.setErrors(refused || path in problems ? { content: true } : null);
        if (refused) control.markAsTouched();
      }
    });
    const subscriptions = [
      this.wordForm.valueChanges.subscribe(() => {
        const value = this.wordForm.getRawValue() as WordForm;
        this.wordValue.set(value);
        if (this.kind() === 'words') this.store.getState().edit(wordContentOf(value) as unknown as Record<string, unknown>);
      }),
      this.topicForm.valueChanges.subscribe(() => {
        if (this.kind() === 'topics') this.store.getState().edit(topicContentOf(this.topicForm.getRawValue() as TopicForm) as unknown as Record<string, unknown>);
      }),
    ];
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (this.store.getState().dirty) event.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    inject(DestroyRef).onDestroy(() => {
      subscriptions.forEach((subscription) => subscription.unsubscribe());
      window.removeEventListener('beforeunload', beforeUnload);
    });
  }

  private open(kind: ContentKind, id: string, topic: string | null): void {
    this.tab.set(0);
    // Just created here: the store holds it already (the address changed from "new" to its id).
    if (this.created === id) return;
    if (id !== 'new') {
      void this.store.getState().load(kind, id);
      return;
    }
    const blank = kind === 'words' ? wordContentOf(emptyWordForm(topic ?? '')) : topicContentOf(emptyTopicForm());
    this.store.getState().startNew(kind, blank as unknown as Record<string, unknown>);
  }

  private showInForm(kind: ContentKind, content: Record<string, unknown>): void {
    if (kind === 'words') {
      const value = wordFormOf(content);
      this.wordForm.setValue(value, { emitEvent: false });
      this.wordValue.set(value);
      this.wordForm.markAsUntouched();
    } else {
      this.topicForm.setValue(topicFormOf(content), { emitEvent: false });
      this.topicForm.markAsUntouched();
    }
  }

  protected async save(): Promise<void> {
    if (Object.keys(this.problems()).length > 0) {
      (this.kind() === 'words' ? this.wordForm : this.topicForm).markAllAsTouched();
      this.tab.set(0);
      this.announce('content.editor.fixFields');
      // The fields show their errors at the next render; then the first of them gets the focus.
      this.changes.markForCheck();
      afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), { injector: this.injector });
      return;
    }
    const wasNew = !this.editor().item;
    const item = await this.store.getState().save();
    if (!item) return;
    this.toast('content.editor.saved');
    if (item.kind === 'topics') void this.topicStore.getState().load(true);
    if (wasNew) {
      this.created = item.id;
      void this.router.navigate(['/admin/content', item.kind, item.id], { replaceUrl: true });
    }
  }

  protected async submit(): Promise<void> {
    if (await this.store.getState().submit()) this.toast('content.editor.submitted');
  }

  protected async publish(): Promise<void> {
    let reason: string | undefined;
    if (this.ownSubmission()) {
      reason = await this.askReason();
      if (!reason) return;
    }
    let item = await this.store.getState().publish(reason);
    // The API knows best who submitted it: when it asks for a reason after all, ask once.
    const problem = this.editor().problem;
    if (!item && !reason && problem?.code === SECOND_ADMIN_REQUIRED) {
      reason = await this.askReason();
      if (!reason) return;
      this.store.getState().clearProblem();
      item = await this.store.getState().publish(reason);
    }
    if (item) this.toast('content.editor.published');
  }

  protected async archive(): Promise<void> {
    const confirmed = await this.confirm({
      title: this.transloco.translate('content.editor.archiveTitle'),
      body: this.transloco.translate('content.editor.archiveBody'),
      confirm: this.transloco.translate('content.editor.archive'),
    });
    if (confirmed && (await this.store.getState().archive())) this.toast('content.editor.archived');
  }

  protected async reload(): Promise<void> {
    await this.store.getState().reload();
    this.announce('content.editor.reloaded');
  }

  protected selectTab(index: number): void {
    this.tab.set(index);
    if (index === HISTORY_TAB && this.editor().item) void this.store.getState().loadHistory();
  }

  canLeave(): boolean | Promise<boolean> {
    if (!this.store.getState().dirty) return true;
    return this.confirm({
      title: this.transloco.translate('content.editor.leaveTitle'),
      body: this.transloco.translate('content.editor.leaveBody'),
      confirm: this.transloco.translate('content.editor.leave'),
    });
  }

  private async askReason(): Promise<string | undefined> {
    return firstValueFrom(this.dialog.open<OverrideDialog, void, string>(OverrideDialog, { width: '520px', maxWidth: '95vw' }).afterClosed());
  }

  private async confirm(data: ConfirmData): Promise<boolean> {
    return (await firstValueFrom(this.dialog.open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, { data, width: '440px', maxWidth: '95vw' }).afterClosed())) === true;
  }

  /** A done step, in a snack bar (which screen readers hear: it has its own live region). */
  private toast(key: string): void {
    this.snackBar.open(this.transloco.translate(key), undefined, { duration: 4000 });
  }

  private announce(key: string): void {
    void this.announcer.announce(this.transloco.translate(key), 'assertive');
  }
}
