import { inject, InjectionToken } from '@angular/core';
import type { Routes } from '@angular/router';
import {
  createCatalogStore,
  createExerciseStore,
  createExercisesApi,
  createWeeklyStore,
  type CatalogStore,
  type ExerciseStore,
  type ExercisesApi,
  type WeeklyStore,
} from '@tall/client/exercises/data-access';
import { TALL_API } from '../core/tall-client';

export const EXERCISES_API = new InjectionToken<ExercisesApi>('EXERCISES_API');
export const CATALOG_STORE = new InjectionToken<CatalogStore>('CATALOG_STORE');
export const WEEKLY_STORE = new InjectionToken<WeeklyStore>('WEEKLY_STORE');
export const EXERCISE_STORE = new InjectionToken<ExerciseStore>('EXERCISE_STORE');

export const exercisesRoutes: Routes = [
  {
    path: '',
    providers: [
      { provide: EXERCISES_API, useFactory: () => createExercisesApi(inject(TALL_API)) },
      { provide: CATALOG_STORE, useFactory: () => createCatalogStore(inject(EXERCISES_API)) },
      { provide: WEEKLY_STORE, useFactory: () => createWeeklyStore(inject(EXERCISES_API)) },
      { provide: EXERCISE_STORE, useFactory: () => createExerciseStore(inject(EXERCISES_API)) },
    ],
    children: [
      { path: '', loadComponent: () => import('./exercise-list.page').then((m) => m.ExerciseListPage) },
      { path: ':id', title: 'titles.exercise', loadComponent: () => import('./exercise.page').then((m) => m.ExercisePage) },
    ],
  },
];
