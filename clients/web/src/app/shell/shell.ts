import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDivider } from '@angular/material/divider';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatToolbar } from '@angular/material/toolbar';
import { MatTooltip } from '@angular/material/tooltip';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CSRF_TOKEN_KEY } from '@tall/client/api';
import { filter } from 'rxjs';
import { LANGUAGES, UiLanguage } from '../core/i18n';
import { Connectivity } from '../core/connectivity';
import { fromStore } from '../core/store-signal';
import { AUTH_STORE, LOBBY_STORE, OFFLINE_STORE } from '../core/tall-client';

/** The signed-in frame: the top bar (home, language, account menu) around every area. */
@Component({
  selector: 'tall-shell',
  imports: [RouterOutlet, RouterLink, TranslocoPipe, MatToolbar, MatIcon, MatIconButton, MatButton, MatMenu, MatMenuItem, MatMenuTrigger, MatDivider, MatTooltip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  private readonly authStore = inject(AUTH_STORE);
  private readonly lobbyStore = inject(LOBBY_STORE);
  private readonly router = inject(Router);
  protected readonly auth = fromStore(this.authStore);
  private readonly offlineStore = inject(OFFLINE_STORE);
  protected readonly offline = fromStore(this.offlineStore);
  protected readonly connectivity = inject(Connectivity);
  /** A syncPending() loop is running. */
  private syncing = false;
  protected readonly language = inject(UiLanguage);
  protected readonly languages = LANGUAGES;
  protected readonly roleKey = computed(() => `roles.${this.auth().user?.role ?? 'STUDENT'}`);

  constructor() {
    // Signed out here or in another tab, or the refresh token was refused: back to sign-in.
    effect(() => {
      const { status, endedBecause } = this.auth();
      if (status === 'signed-out') void this.router.navigate(['/sign-in'], { queryParams: endedBecause === 'account-deleted' ? { deleted: 1 } : {} });
    });
    // Answers kept offline go out at start and whenever the connection comes back.
    void this.offlineStore.getState().refresh();
    effect(() => {
      if (this.connectivity.online() && this.auth().status === 'signed-in') void this.syncPending();
    });
    const onStorage = (event: StorageEvent) => {
      if (event.key === CSRF_TOKEN_KEY && event.newValue === null) this.authStore.getState().forget();
    };
    window.addEventListener('storage', onStorage);
    inject(DestroyRef).onDestroy(() => window.removeEventListener('storage', onStorage));

    // "Continue where you left off": remember the last place inside one of the user's products.
    const subscription = this.router.events.pipe(filter((event) => event instanceof NavigationEnd)).subscribe((event) => void this.remember(event.urlAfterRedirects));
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  /**
   * Sends the answers kept offline. When some stay queued although the browser says it is online
   * (the network not quite back yet, the API busy or down), it tries again, 1 s later, then 2 s,
   * 4 s… up to 30 s apart, until the queue is empty, the browser goes offline (the next
   * `online` starts again) or the user signs out.
   */
  private async syncPending(): Promise<void> {
    if (this.syncing) return;
    this.syncing = true;
    try {
      for (let attempt = 0; ; attempt++) {
        await this.offlineStore.getState().sync();
        if (this.offlineStore.getState().pending === 0 || !this.connectivity.online() || this.auth().status !== 'signed-in') return;
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1_000 * 2 ** attempt)));
      }
    } finally {
      this.syncing = false;
    }
  }

  protected async signOut(): Promise<void> {
    await this.authStore.getState().signOut();
    this.lobbyStore.getState().reset();
  }

  protected async signOutEverywhere(): Promise<void> {
    await this.authStore.getState().signOutEverywhere();
    this.lobbyStore.getState().reset();
  }

  private async remember(url: string): Promise<void> {
    const lobby = this.lobbyStore.getState();
    if (!lobby.view && !lobby.loading) await lobby.load();
    const path = url.split(/[?#]/)[0];
    const product = this.lobbyStore
      .getState()
      .view?.products.find((candidate) => !candidate.comingSoon && (path === candidate.route || path.startsWith(`${candidate.route}/`)));
    if (product) await this.lobbyStore.getState().remember(product.key, url);
  }
}
