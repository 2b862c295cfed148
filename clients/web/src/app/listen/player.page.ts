import { LiveAnnouncer } from '@angular/cdk/a11y';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, DestroyRef, DOCUMENT, effect, ElementRef, inject, Injector, input, signal, untracked, viewChild } from '@angular/core';
import { MatButton, MatIconAnchor } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  clockTime,
  RESUME_LOOK_BACK_SECONDS,
  SPOKEN_LANGUAGE,
  startPosition,
  viewingSummary,
  ViewingReporter,
  WatchClock,
  type VideoAnswer,
  type VideoQuestion,
  type VideoView,
  type ViewingPlace,
} from '@tall/client/listening/data-access';
import { fromStore } from '../core/store-signal';
import { LOBBY_STORE } from '../core/tall-client';
import { LoadingState } from '../shared/loading-state';
import { ProblemBanner } from '../shared/problem-banner';
import { PLAYER_STORE } from './listen.routes';
import { QuestionPanel } from './question-panel';
import { TopicNames } from './topic-names';

/** Seconds the arrow keys move the video. */
export const SEEK_STEP_SECONDS = 5;
/** A media failure this soon after new URLs is not an expiry: the page says the video cannot play. */
const RENEWAL_GRACE_MS = 10_000;
/** Subtitles off, or the language of the subtitles shown. */
type SubtitleChoice = 'off' | string;

/**
 * One video: the film with Dutch subtitles and the translation, keyboard controls, playback from
 * where the student was, the position reported while it plays. At each question's time it pauses
 * and asks in a panel below the video; at the end it sums up. Pre-signed media URLs live minutes:
 * when they expire (a long pause) the page fetches new ones and resumes where it was.
 */
@Component({
  selector: 'tall-listening-player',
  imports: [RouterLink, TranslocoPipe, MatButton, MatIconAnchor, MatIcon, MatButtonToggleGroup, MatButtonToggle, LoadingState, ProblemBanner, QuestionPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './player.page.html',
  styleUrl: './player.page.scss',
})
export class PlayerPage {
  readonly id = input.required<string>();
  private readonly store = inject(PLAYER_STORE);
  private readonly lobby = inject(LOBBY_STORE);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly topicNames = inject(TopicNames);
  protected readonly player = fromStore(this.store);
  protected readonly video = computed(() => this.player().video);
  protected readonly clockTime = clockTime;
  protected readonly questions = computed(() => [...(this.video()?.questions ?? [])].sort((a, b) => a.atSeconds - b.atSeconds));
  protected readonly summary = computed(() => viewingSummary(this.questions(), this.player().marks));
  protected readonly done = computed(() => this.summary().answered + this.summary().skipped);
  protected readonly askingNumber = computed(() => {
    const asking = this.player().asking;
    return asking ? this.questions().findIndex((question) => question.id === asking.id) + 1 : 0;
  });
  /** Dutch first, then the translations. */
  protected readonly subtitles = computed(() => [...(this.video()?.subtitles ?? [])].sort((a, b) => Number(b.lang === SPOKEN_LANGUAGE) - Number(a.lang === SPOKEN_LANGUAGE)));
  protected readonly subtitleChoice = signal<SubtitleChoice>(SPOKEN_LANGUAGE);
  protected readonly spoken = SPOKEN_LANGUAGE;
  /** The media failed even with new URLs. */
  protected readonly mediaFailed = signal(false);
  private readonly media = viewChild<ElementRef<HTMLVideoElement>>('media');
  private readonly panel = viewChild(QuestionPanel);
  private readonly summaryElement = viewChild<ElementRef<HTMLElement>>('summaryPanel');

  private readonly clock = new WatchClock();
  /** Where the player is, kept as it moves: the last report on leaving must not need the element. */
  private place: ViewingPlace | null = null;
  private readonly reporter = new ViewingReporter({
    clock: this.clock,
    place: () => this.place,
    send: ({ videoId, positionSeconds }, seconds, options) => this.store.getState().reportPosition(videoId, positionSeconds, seconds, options),
  });
  /** The player's time at the last look: questions between it and the next look are asked. */
  private lastTime = 0;
  /** Where to go once the media's metadata is in (the saved position, or where new URLs resume). */
  private resume: { at: number; lookBack: number; play: boolean } | null = null;
  /** Seeks the page makes itself: they move `lastTime` as they wish, not as a student's seek would. */
  private seekingOurselves = false;
  private frame: number | null = null;
  private shownVideo: string | null = null;
  private renewedAt = 0;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.openVideo(id));
    });
    effect(() => {
      const video = this.video();
      if (!video || video.id === this.shownVideo) return;
      this.shownVideo = video.id;
      untracked(() => this.show(video));
    });
    this.listenForLeaving();
  }

  protected retry(): void {
    void this.openVideo(this.id());
  }

  protected retryMedia(): void {
    this.mediaFailed.set(false);
    this.renewedAt = 0;
    void this.renew(true);
  }

  // Media events -------------------------------------------------------------------------------

  protected loaded(): void {
    const media = this.media()?.nativeElement;
    if (!media) return;
    this.applySubtitles();
    const resume = this.resume;
    this.resume = null;
    if (resume) {
      this.seek(resume.at, resume.at - resume.lookBack);
      if (resume.play) void media.play().catch(() => undefined);
    }
  }

  protected played(): void {
    const media = this.media()?.nativeElement;
    if (!media) return;
    // A question waits for its answer; the native controls must not play past it.
    if (this.player().asking) {
      media.pause();
      this.panel()?.focus();
      return;
    }
    if (this.player().ended) this.store.getState().replay();
    if (this.store.getState().urlsExpired()) {
      media.pause();
      void this.renew(true);
    }
  }

  protected playing(): void {
    this.clock.start();
    this.watchFrames();
  }

  protected paused(): void {
    this.clock.stop();
    this.stopFrames();
    this.look();
    void this.reporter.report();
  }

  protected stalled(): void {
    this.clock.stop();
  }

  protected seeked(): void {
    const media = this.media()?.nativeElement;
    if (!media) return;
    if (this.seekingOurselves) {
      this.seekingOurselves = false;
      return;
    }
    // A seek forward cannot jump a question: `look` stops at the first one passed.
    this.look();
    if (media.paused) void this.reporter.report();
  }

  protected ended(): void {
    const media = this.media()?.nativeElement;
    this.clock.stop();
    this.stopFrames();
    // A question at the very end is asked before the summary.
    if (media && this.look(media.duration + 1)) return;
    this.finish();
  }

  protected failed(): void {
    const media = this.media()?.nativeElement;
    this.clock.stop();
    this.stopFrames();
    if (!media?.error || this.player().renewing) return;
    // Pre-signed URLs expire (a long pause outlives them): new ones, once; failing again right after is something else.
    if (Date.now() - this.renewedAt < RENEWAL_GRACE_MS) {
      this.mediaFailed.set(true);
      return;
    }
    void this.renew(true);
  }

  // Keyboard and subtitles -----------------------------------------------------------------------

  protected key(event: KeyboardEvent): void {
    const media = this.media()?.nativeElement;
    if (!media || event.ctrlKey || event.metaKey || event.altKey || this.player().asking) return;
    switch (event.key) {
      case ' ':
      case 'k':
      case 'K':
        if (media.paused) void media.play().catch(() => undefined);
        else media.pause();
        break;
      case 'ArrowLeft':
        media.currentTime = Math.max(0, media.currentTime - SEEK_STEP_SECONDS);
        break;
      case 'ArrowRight':
        media.currentTime = Math.min(media.duration || Infinity, media.currentTime + SEEK_STEP_SECONDS);
        break;
      case 'c':
      case 'C':
        this.cycleSubtitles();
        break;
      case 'm':
      case 'M':
        media.muted = !media.muted;
        void this.announcer.announce(this.transloco.translate(media.muted ? 'listening.player.muted' : 'listening.player.unmuted'), 'polite');
        break;
      default:
        return;
    }
    // The native controls would act on the same key.
    event.preventDefault();
  }

  protected chooseSubtitles(choice: SubtitleChoice): void {
    this.subtitleChoice.set(choice);
    this.applySubtitles();
  }

  protected languageName(lang: string): string {
    const key = `listening.languages.${lang}`;
    const name = this.transloco.translate(key);
    return name === key ? lang.toUpperCase() : name;
  }

  private cycleSubtitles(): void {
    const choices: SubtitleChoice[] = ['off', ...this.subtitles().map((track) => track.lang)];
    const next = choices[(choices.indexOf(this.subtitleChoice()) + 1) % choices.length];
    this.chooseSubtitles(next);
    void this.announcer.announce(
      this.transloco.translate('listening.player.subtitlesNow', { subtitles: next === 'off' ? this.transloco.translate('listening.player.subtitlesOff') : this.languageName(next) }),
      'polite',
    );
  }

  /** Shows the chosen track, hides the others (the <track> elements carry their language). */
  private applySubtitles(): void {
    const media = this.media()?.nativeElement;
    if (!media) return;
    const choice = this.subtitleChoice();
    for (const track of Array.from(media.textTracks ?? [])) track.mode = track.language === choice ? 'showing' : 'disabled';
  }

  // Questions ---------------------------------------------------------------------------------------

  protected async submit(answer: Exclude<VideoAnswer, null>): Promise<void> {
    const asking = this.player().asking;
    if (!asking || !(await this.store.getState().submit(answer, this.currentTime()))) return;
    const verdict = this.store.getState().verdict;
    if (!verdict) return;
    const expected = typeof verdict.expected === 'boolean' ? this.transloco.translate(verdict.expected ? 'listening.question.true' : 'listening.question.false') : verdict.expected;
    void this.announcer.announce(this.transloco.translate(verdict.correct ? 'listening.question.announceCorrect' : 'listening.question.announceIncorrect', { expected }), 'assertive');
    afterNextRender(() => this.panel()?.focusContinue(), { injector: this.injector });
  }

  protected async skip(): Promise<void> {
    if (await this.store.getState().skip(this.currentTime())) this.goOn();
  }

  protected proceed(): void {
    this.store.getState().proceed();
    this.goOn();
  }

  protected watchAgain(): void {
    const media = this.media()?.nativeElement;
    this.store.getState().replay();
    if (!media) return;
    this.seek(0, -1);
    media.focus();
    void media.play().catch(() => undefined);
  }

  /** After a question: on with the video, or to the summary when it was the end. */
  private goOn(): void {
    const media = this.media()?.nativeElement;
    if (!media) return;
    if (media.ended) {
      this.finish();
      return;
    }
    media.focus();
    void media.play().catch(() => undefined);
  }

  private ask(question: VideoQuestion): void {
    const media = this.media()?.nativeElement;
    if (media) {
      media.pause();
      // A seek that jumped the question goes back to it: the student hears what it is about.
      if (!media.ended && media.currentTime - question.atSeconds > 1) this.seek(question.atSeconds, question.atSeconds);
    }
    const total = this.questions().length;
    const number = this.questions().findIndex((candidate) => candidate.id === question.id) + 1;
    void this.announcer.announce(this.transloco.translate('listening.question.announce', { number, total, prompt: question.prompt }), 'assertive');
    afterNextRender(() => this.panel()?.focus(), { injector: this.injector });
  }

  private finish(): void {
    const video = this.video();
    if (!video) return;
    this.place = { videoId: video.id, positionSeconds: video.durationSeconds };
    void this.reporter.report();
    this.store.getState().finish();
    const { answered, correct, skipped } = this.summary();
    void this.announcer.announce(this.transloco.translate('listening.summary.announce', { answered, correct, skipped }), 'polite');
    afterNextRender(() => this.summaryElement()?.nativeElement.focus(), { injector: this.injector });
  }

  // Time ---------------------------------------------------------------------------------------------

  /**
   * Looks at the player's time: remembers it for the reports, and asks the first unanswered question
   * passed since the last look. True when a question was asked.
   */
  private look(time = this.currentTime()): boolean {
    const video = this.video();
    if (!video) return false;
    const previous = this.lastTime;
    this.lastTime = time;
    this.place = { videoId: video.id, positionSeconds: Math.min(time, video.durationSeconds) };
    if (this.player().asking) return false;
    const question = this.store.getState().reached(previous, time);
    if (question) this.ask(question);
    return !!question;
  }

  private currentTime(): number {
    return this.media()?.nativeElement.currentTime ?? this.place?.positionSeconds ?? 0;
  }

  /** Moves the player; `from` is where the next look starts (a question after it and before `to` is asked). */
  private seek(to: number, from: number): void {
    const media = this.media()?.nativeElement;
    if (!media) return;
    this.lastTime = from;
    if (Math.abs(media.currentTime - to) < 0.01) return;
    this.seekingOurselves = true;
    media.currentTime = to;
  }

  /** Looks at the time every frame while playing: `timeupdate` comes only every quarter second or so. */
  private watchFrames(): void {
    const window = this.document.defaultView;
    if (!window?.requestAnimationFrame || this.frame !== null) return;
    const step = () => {
      this.frame = null;
      const media = this.media()?.nativeElement;
      if (!media || media.paused) return;
      this.look();
      if (!media.paused) this.frame = window.requestAnimationFrame(step);
    };
    this.frame = window.requestAnimationFrame(step);
  }

  private stopFrames(): void {
    if (this.frame !== null) this.document.defaultView?.cancelAnimationFrame(this.frame);
    this.frame = null;
  }

  protected timeUpdated(): void {
    const media = this.media()?.nativeElement;
    if (media && !media.paused) this.look();
  }

  // Opening, renewing, leaving ------------------------------------------------------------------------

  private async openVideo(id: string): Promise<void> {
    // The last report of the video being left goes first: it names its own video.
    if (this.place && this.place.videoId !== id) void this.reporter.report(true);
    this.place = null;
    this.shownVideo = null;
    this.mediaFailed.set(false);
    this.stopFrames();
    await this.store.getState().open(id);
  }

  private show(video: VideoView): void {
    const at = startPosition(video);
    this.place = { videoId: video.id, positionSeconds: at };
    this.lastTime = at;
    // A question right at the saved position (the student left while it was asked) is asked again.
    this.resume = at > 0 ? { at, lookBack: RESUME_LOOK_BACK_SECONDS, play: false } : null;
    void this.lobby.getState().remember('listening', `/listen/videos/${video.id}`);
    this.reporter.start();
    if (at > 0) void this.announcer.announce(this.transloco.translate('listening.player.resumed', { time: clockTime(at) }), 'polite');
  }

  /** New pre-signed URLs; the media load again and go on from where they were. */
  private async renew(play: boolean): Promise<void> {
    const at = this.currentTime();
    this.renewedAt = Date.now();
    this.resume = { at, lookBack: 0, play };
    if (!(await this.store.getState().renewUrls())) {
      this.mediaFailed.set(true);
      return;
    }
    // After the new URLs are in the DOM: load them (the same URL twice would not reload by itself).
    afterNextRender(() => this.media()?.nativeElement.load(), { injector: this.injector });
  }

  private listenForLeaving(): void {
    const window = this.document.defaultView;
    if (!window) return;
    const visibility = () => {
      // A hidden page may never come back (a phone closes the tab): report now.
      if (this.document.visibilityState === 'hidden') void this.reporter.report(true);
    };
    const leaving = () => void this.reporter.report(true);
    this.document.addEventListener('visibilitychange', visibility);
    window.addEventListener('pagehide', leaving);
    inject(DestroyRef).onDestroy(() => {
      this.document.removeEventListener('visibilitychange', visibility);
      window.removeEventListener('pagehide', leaving);
      this.stopFrames();
      void this.reporter.stop();
    });
  }
}
