import type { Routes } from '@angular/router';
import { signedIn, signedOut, withRole } from './core/auth.guards';

export const routes: Routes = [
  { path: 'sign-in', canActivate: [signedOut], title: 'titles.signIn', loadComponent: () => import('./auth/sign-in.page').then((m) => m.SignInPage) },
  { path: 'sign-up', canActivate: [signedOut], title: 'titles.signUp', loadComponent: () => import('./auth/sign-up.page').then((m) => m.SignUpPage) },
  { path: 'offline', title: 'titles.offline', loadComponent: () => import('./shell/offline.page').then((m) => m.OfflinePage) },
  {
    path: '',
    canActivate: [signedIn],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', title: 'titles.lobby', loadComponent: () => import('./lobby/lobby.page').then((m) => m.LobbyPage) },
      {
        path: 'learn/thematic-cards',
        canActivate: [withRole('STUDENT')],
        title: 'titles.thematic',
        loadChildren: () => import('./learn/thematic/thematic.routes').then((m) => m.thematicRoutes),
      },
      {
        path: 'learn/learning-cards',
        canActivate: [withRole('STUDENT')],
        title: 'titles.learning',
        loadChildren: () => import('./learn/learning/learning.routes').then((m) => m.learningRoutes),
      },
      { path: 'read', canActivate: [withRole('STUDENT')], title: 'titles.reader', loadChildren: () => import('./read/read.routes').then((m) => m.readRoutes) },
      {
        path: 'exercises',
        canActivate: [withRole('STUDENT')],
        title: 'titles.exercises',
        loadChildren: () => import('./exercises/exercises.routes').then((m) => m.exercisesRoutes),
      },
      { path: 'listen', canActivate: [withRole('STUDENT')], title: 'titles.listening', loadChildren: () => import('./listen/listen.routes').then((m) => m.listenRoutes) },
      { path: 'progress', canActivate: [withRole('STUDENT')], title: 'titles.progress', loadChildren: () => import('./progress/progress.routes').then((m) => m.progressRoutes) },
      {
        path: 'teacher/students',
        canActivate: [withRole('TEACHER', 'EDU_ADMIN')],
        title: 'titles.students',
        loadChildren: () => import('./teacher/teacher.routes').then((m) => m.teacherRoutes),
      },
      {
        path: 'admin/students',
        canActivate: [withRole('EDU_ADMIN')],
        title: 'titles.students',
        loadChildren: () => import('./teacher/teacher.routes').then((m) => m.teacherRoutes),
      },
      { path: 'account', title: 'titles.account', loadChildren: () => import('./account/account.routes').then((m) => m.accountRoutes) },
      {
        path: 'admin/users',
        canActivate: [withRole('TECH_ADMIN', 'EDU_ADMIN')],
        title: 'titles.users',
        loadChildren: () => import('./admin/admin.routes').then((m) => m.adminRoutes),
      },
      {
        path: 'admin/content',
        canActivate: [withRole('TECH_ADMIN', 'EDU_ADMIN')],
        title: 'titles.content',
        loadChildren: () => import('./admin/content/content.routes').then((m) => m.contentRoutes),
      },
      { path: 'ops', canActivate: [withRole('TECH_ADMIN')], title: 'titles.operations', loadChildren: () => import('./ops/ops.routes').then((m) => m.opsRoutes) },
      { path: 'not-allowed', title: 'titles.notAllowed', loadComponent: () => import('./shell/not-found.page').then((m) => m.NotAllowedPage) },
      { path: '**', title: 'titles.notFound', loadComponent: () => import('./shell/not-found.page').then((m) => m.NotFoundPage) },
    ],
  },
];
