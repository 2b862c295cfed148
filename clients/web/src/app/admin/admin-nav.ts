import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** The admin area's sections (accounts, content), above each of its pages: links, the current one marked for screen readers. */
@Component({
  selector: 'tall-admin-nav',
  imports: [RouterLink, RouterLinkActive, TranslocoPipe, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav [attr.aria-label]="'adminNav.label' | transloco" data-testid="admin-nav">
      <a routerLink="/admin/users" routerLinkActive="active" ariaCurrentWhenActive="page" data-testid="admin-nav-users">
        <mat-icon aria-hidden="true">manage_accounts</mat-icon>{{ 'adminNav.users' | transloco }}
      </a>
      <a routerLink="/admin/content" routerLinkActive="active" ariaCurrentWhenActive="page" data-testid="admin-nav-content">
        <mat-icon aria-hidden="true">edit_note</mat-icon>{{ 'adminNav.content' | transloco }}
      </a>
    </nav>
  `,
  styles: `
    nav {
      display: flex;
      gap: 4px;
      margin: -8px 0 20px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      overflow-x: auto;
    }
    a {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      min-height: 48px;
      padding: 0 16px;
      border-bottom: 3px solid transparent;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-title-small);
      text-decoration: none;
      white-space: nowrap;
    }
    a:hover {
      background: var(--mat-sys-surface-container);
    }
    a:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: -2px;
    }
    a.active {
      border-bottom-color: var(--mat-sys-primary);
      color: var(--mat-sys-primary);
    }
  `,
})
export class AdminNav {}
