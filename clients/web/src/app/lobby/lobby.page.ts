import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
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
  protected readonly available = computed(() => this.lobby().view?.products.filter((product) => !product.comingSoon) ?? []);
  protected readonly comingSoon = computed(() => this.lobby().view?.products.filter((product) => product.comingSoon) ?? []);

  constructor() {
    void this.store.getState().load();
  }

  protected reload(): void {
    void this.store.getState().load();
  }
}
