import { inject, InjectionToken } from '@angular/core';
import type { Routes } from '@angular/router';
import {
  createListeningApi,
  createPlayerStore,
  createVideoLibraryStore,
  type ListeningApi,
  type PlayerStore,
  type VideoLibraryStore,
} from '@tall/client/listening/data-access';
import { TALL_API } from '../core/tall-client';
import { TopicNames } from './topic-names';

export const LISTENING_API = new InjectionToken<ListeningApi>('LISTENING_API');
export const VIDEO_LIBRARY_STORE = new InjectionToken<VideoLibraryStore>('VIDEO_LIBRARY_STORE');
export const PLAYER_STORE = new InjectionToken<PlayerStore>('PLAYER_STORE');

export const listenRoutes: Routes = [
  {
    path: '',
    providers: [
      { provide: LISTENING_API, useFactory: () => createListeningApi(inject(TALL_API)) },
      { provide: VIDEO_LIBRARY_STORE, useFactory: () => createVideoLibraryStore(inject(LISTENING_API)) },
      { provide: PLAYER_STORE, useFactory: () => createPlayerStore(inject(LISTENING_API)) },
      TopicNames,
    ],
    children: [
      { path: '', loadComponent: () => import('./video-library.page').then((m) => m.VideoLibraryPage) },
      { path: 'videos/:id', title: 'titles.listeningVideo', loadComponent: () => import('./player.page').then((m) => m.PlayerPage) },
    ],
  },
];
