import { DatePipe, DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import type { StudentRecord } from '@tall/client/api';
import { UiLanguage } from '../core/i18n';
import { BarChart } from '../shared/bar-chart';

/** The exercise kinds the interface has names for; another kind is shown as the API gives it. */
const EXERCISE_TYPES = ['order', 'match', 'buckets', 'cloze'];

/** Whole hours and minutes of a number of seconds (seconds left out). */
function hoursAndMinutes(seconds: number): { hours: number; minutes: number } {
  const minutes = Math.floor(seconds / 60);
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/**
 * A student's progress: headline figures, reviews per day, mastery per topic, reading tests,
 * videos and their questions, exercises, learning cards.
 */
@Component({
  selector: 'tall-student-record',
  imports: [DatePipe, DecimalPipe, PercentPipe, TranslocoPipe, MatIcon, BarChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './student-record.html',
  styleUrl: './student-record.scss',
})
export class StudentRecordView {
  readonly record = input.required<StudentRecord>();
  protected readonly language = inject(UiLanguage);
  /** The last 30 days of the 90 the record holds. */
  protected readonly days = computed(() => this.record().reviews.perDay.slice(-30));
  protected readonly dayLabels = computed(() =>
    this.days().map((day) => new Date(`${day.day}T12:00:00Z`).toLocaleDateString(this.language.current() === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'short' })),
  );
  protected readonly dayValues = computed(() => this.days().map((day) => day.reviews));
  protected readonly reviewsLast30 = computed(() => this.dayValues().reduce((sum, value) => sum + value, 0));
  protected readonly topics = computed(() => [...this.record().topics].sort((a, b) => b.mastery - a.mastery || b.seen - a.seen));
  protected readonly topicLabels = computed(() => this.topics().map((topic) => topic.topicSlug ?? topic.topicId));
  protected readonly topicValues = computed(() => this.topics().map((topic) => Math.round(topic.mastery * 100)));
  protected readonly topicSeen = computed(() => this.topics().map((topic) => (topic.wordCount ? Math.round((topic.seen / topic.wordCount) * 100) : 0)));
  protected readonly topicsHeight = computed(() => Math.max(160, this.topics().length * 36 + 40));
  protected readonly percent = (value: number) => `${value}%`;
  protected readonly reviewsText = (value: number) => String(value);
  protected readonly readingTime = computed(() => hoursAndMinutes(this.record().texts.readingSeconds));
  protected readonly watchingTime = computed(() => hoursAndMinutes(this.record().videos.watchedSeconds));
  /** The latest exercise attempts with the name of their kind and their score in percent. */
  protected readonly exerciseResults = computed(() =>
    this.record().exerciseAttempts.recent.map((attempt) => ({
      ...attempt,
      typeKey: EXERCISE_TYPES.includes(attempt.type) ? `progress.exerciseTypes.${attempt.type}` : null,
      percent: (attempt.score * 100) / attempt.maxScore,
    })),
  );
}
