import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

const styles = `
  .page { display: flex; flex-direction: column; align-items: center; gap: 8px; padding: 64px 16px; text-align: center; }
  .icon { width: 48px; height: 48px; font-size: 48px; color: var(--mat-sys-primary); }
  h1 { font: var(--mat-sys-headline-small); margin: 8px 0 0; }
  p { color: var(--mat-sys-on-surface-variant); margin: 0 0 16px; }
`;

@Component({
  selector: 'tall-not-found',
  imports: [MatButton, MatIcon, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <mat-icon class="icon" aria-hidden="true">explore_off</mat-icon>
      <h1>{{ 'notFound.title' | transloco }}</h1>
      <p>{{ 'notFound.body' | transloco }}</p>
      <a mat-flat-button routerLink="/">{{ 'common.backToLobby' | transloco }}</a>
    </section>
  `,
  styles,
})
export class NotFoundPage {}

@Component({
  selector: 'tall-not-allowed',
  imports: [MatButton, MatIcon, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <mat-icon class="icon" aria-hidden="true">lock</mat-icon>
      <h1>{{ 'notAllowed.title' | transloco }}</h1>
      <p>{{ 'notAllowed.body' | transloco }}</p>
      <a mat-flat-button routerLink="/">{{ 'common.backToLobby' | transloco }}</a>
    </section>
  `,
  styles,
})
export class NotAllowedPage {}
