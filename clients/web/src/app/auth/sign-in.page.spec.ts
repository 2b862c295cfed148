import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { ApiProblem } from '@tall/client/api';
import { createStore } from 'zustand/vanilla';
import en from '../../i18n/en.json';
import { AUTH_STORE } from '../core/tall-client';
import { SignInPage } from './sign-in.page';

function fakeAuth(signIn: () => Promise<boolean>, problem: ApiProblem | null = null) {
  return createStore(() => ({ status: 'signed-out', user: null, busy: false, problem, signIn, clearProblem: () => undefined }));
}

async function render(store: ReturnType<typeof fakeAuth>) {
  await TestBed.configureTestingModule({
    imports: [SignInPage, TranslocoTestingModule.forRoot({ langs: { en }, translocoConfig: { availableLangs: ['en', 'nl'], defaultLang: 'en' }, preloadLangs: true })],
    providers: [provideRouter([]), { provide: AUTH_STORE, useValue: store }],
  }).compileComponents();
  const fixture = TestBed.createComponent(SignInPage);
  await fixture.whenStable();
  fixture.detectChanges();
  return fixture;
}

describe('SignInPage', () => {
  it('has labelled Email and Password fields, a Sign in button and a Create account link', async () => {
    const fixture = await render(fakeAuth(async () => true));
    const element: HTMLElement = fixture.nativeElement;
    const labels = [...element.querySelectorAll('mat-label')].map((label) => label.textContent?.trim());
    expect(labels).toEqual(['Email', 'Password']);
    const email = element.querySelector('input[type=email]');
    expect(element.querySelector(`label[for="${email?.id}"]`)?.textContent).toContain('Email');
    expect(element.querySelector('button[type=submit]')?.textContent).toContain('Sign in');
    expect(element.querySelector('a[href="/sign-up"]')?.textContent).toContain('Create account');
  });

  it('does not send an empty form', async () => {
    const signIn = vi.fn(async () => true);
    const fixture = await render(fakeAuth(signIn));
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(signIn).not.toHaveBeenCalled();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Enter your email address.');
  });

  it('explains a lockout with the wait in minutes', async () => {
    const fixture = await render(fakeAuth(async () => false, new ApiProblem(429, 'ACCOUNT_LOCKED', 'locked', undefined, 840)));
    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role=alert]');
    expect(alert?.textContent).toContain('try again in 14 minute(s)');
  });
});
