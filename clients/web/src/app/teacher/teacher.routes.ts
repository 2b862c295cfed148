import { inject, InjectionToken } from '@angular/core';
import type { Routes } from '@angular/router';
import { createStudentsStore, type StudentsStore } from '@tall/client/progress/data-access';
import { TALL_API } from '../core/tall-client';

export const STUDENTS_STORE = new InjectionToken<StudentsStore>('STUDENTS_STORE');

export const teacherRoutes: Routes = [
  {
    path: '',
    providers: [{ provide: STUDENTS_STORE, useFactory: () => createStudentsStore(inject(TALL_API)) }],
    children: [
      { path: '', loadComponent: () => import('./students.page').then((m) => m.StudentsPage) },
      { path: ':id', title: 'titles.student', loadComponent: () => import('./student.page').then((m) => m.StudentPage) },
    ],
  },
];
