import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { Router, RouterLink, type Routes } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { fromStore } from '../core/store-signal';
import { AUTH_STORE, LOBBY_STORE } from '../core/tall-client';
import { LoadingState } from '../shared/loading-state';
import { PageHeader } from '../shared/page-header';
import { ProblemBanner } from '../shared/problem-banner';
import { UiLanguage } from '../core/i18n';

/** The products of the user's role, and the way back to where they left off. */
@Component({
  selector: 'tall-lobby',
  imports: [RouterLink, TranslocoPipe, DatePipe, MatButton, MatIcon, PageHeader, ProblemBanner, LoadingState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './lobby.page.html',
  styleUrl: './lobby.page.scss',
})
export class LobbyPage {
  private readonly store = inject(LOBBY_STORE);
  protected readonly lobby = fromStore(this.store);
  protected readonly auth = fromStore(inject(AUTH_STORE));
  protected readonly language = inject(UiLanguage);
  protected readonly resume = computed(() => {
    const view = this.lobby().view;
    const context = view?.continue;
    if (!view || !context) return null;
    const product = view.products.find((candidate) => candidate.key === context.product);
    return product ? { product, location: context.location, at: context.at } : null;
  });
  private readonly screens = screenPaths(inject(Router).config);
  /** Open: built on the server, and this client has its screens (the API can be ahead of the app). */
  private readonly opens = (product: { comingSoon: boolean; route: string }) => !product.comingSoon && hasScreen(this.screens, product.route);
  protected readonly available = computed(() => this.lobby().view?.products.filter((product) => this.opens(product)) ?? []);
  protected readonly comingSoon = computed(() => this.lobby().view?.products.filter((product) => !this.opens(product)) ?? []);

  constructor() {
    void this.store.getState().load();
  }

  protected reload(): void {
    void this.store.getState().load();
  }
}

/** The paths of the app's routes inside the shell ('read', 'teacher/students', 'ops', …), without the catch-all. */
function screenPaths(routes: Routes): Set<string> {
  const paths = new Set<string>();
  for (const route of routes) {
    if (route.path === '' && route.children) for (const path of screenPaths(route.children)) paths.add(path);
    else if (route.path && route.path !== '**') paths.add(route.path);
  }
  return paths;
}

/** Whether a route of the app leads to `route` (`/teacher/students` is not `/teacher/content`). */
function hasScreen(screens: ReadonlySet<string>, route: string): boolean {
  const path = route.replace(/^\//, '');
  return [...screens].some((screen) => path === screen || path.startsWith(`${screen}/`));
}
