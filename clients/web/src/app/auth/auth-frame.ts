import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { LANGUAGES, UiLanguage } from '../core/i18n';

/** The frame of the signed-out pages: the brand, a card, and the language switch. */
@Component({
  selector: 'tall-auth-frame',
  imports: [TranslocoPipe, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="frame">
      <div class="brand" aria-hidden="true">
        <span class="logo">T</span>
        <span class="name">Tall</span>
      </div>
      <section class="card" [attr.aria-labelledby]="headingId()">
        <h1 [id]="headingId()">{{ heading() }}</h1>
        <p class="lead">{{ 'auth.tagline' | transloco }}</p>
        <ng-content />
      </section>
      <nav class="languages" [attr.aria-label]="'language.choose' | transloco">
        @for (language of languages; track language.code) {
          <button
            mat-button
            type="button"
            [attr.lang]="language.code"
            [attr.aria-pressed]="language.code === ui.current()"
            [class.active]="language.code === ui.current()"
            (click)="ui.use(language.code)"
          >
            {{ language.label }}
          </button>
        }
      </nav>
    </main>
  `,
  styles: `
    :host {
      display: block;
      min-height: 100dvh;
      background:
        radial-gradient(circle at 15% 10%, color-mix(in srgb, var(--mat-sys-primary) 14%, transparent), transparent 45%),
        radial-gradient(circle at 90% 90%, color-mix(in srgb, var(--mat-sys-tertiary) 12%, transparent), transparent 40%),
        var(--mat-sys-surface-container-low);
    }
    .frame {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 20px;
      padding: 40px 16px 24px;
      box-sizing: border-box;
      min-height: 100dvh;
    }
    .brand {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .logo {
      display: grid;
      place-items: center;
      width: 44px;
      height: 44px;
      border-radius: 12px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font: var(--mat-sys-title-large);
      font-weight: 700;
    }
    .name {
      font: var(--mat-sys-headline-small);
      font-weight: 700;
      color: var(--mat-sys-on-surface);
    }
    .card {
      width: 100%;
      max-width: 420px;
      box-sizing: border-box;
      padding: 28px 24px 24px;
      border-radius: 28px;
      background: var(--mat-sys-surface-container-lowest);
      box-shadow: var(--mat-sys-level2);
    }
    h1 {
      margin: 0 0 4px;
      font: var(--mat-sys-headline-small);
      color: var(--mat-sys-on-surface);
    }
    .lead {
      margin: 0 0 20px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .languages {
      display: flex;
      gap: 4px;
    }
    .languages .active {
      font-weight: 700;
      text-decoration: underline;
      text-underline-offset: 4px;
    }
  `,
})
export class AuthFrame {
  readonly heading = input.required<string>();
  readonly headingId = input('auth-heading');
  protected readonly ui = inject(UiLanguage);
  protected readonly languages = LANGUAGES;
}
