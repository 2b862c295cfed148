import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { createTallApi, type ThematicSession } from '@tall/client/api';
import { createThematicStore } from '@tall/client/vocabulary/data-access';
import { createStore } from 'zustand/vanilla';
import en from '../../../i18n/en.json';
import { LOBBY_STORE } from '../../core/tall-client';
import { THEMATIC_STORE } from './thematic.routes';
import { SessionPage } from './session.page';

const session: ThematicSession = {
  topicId: 'greetings',
  mode: 'mixed',
  lang: 'en',
  due: 0,
  new: 2,
  cards: [
    { wordId: 'w1', box: 0, pos: 'noun', mode: 'recognition', prompt: { lemma: 'huis', article: 'het', options: ['house', 'tree', 'dog', 'car'] } },
    { wordId: 'w2', box: 0, pos: 'noun', mode: 'article', prompt: { lemma: 'boom', translation: 'tree', options: ['de', 'het'] } },
  ],
};

async function render() {
  const posted: unknown[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname.endsWith('/session')) return Response.json(session);
    if (url.pathname.endsWith('/topics')) return Response.json([]);
    const body = await request.json();
    posted.push(body);
    const correct = body.answer === 'house' || body.answer === 'de';
    return Response.json({ correct, expected: body.mode === 'article' ? 'de' : 'house', box: correct ? 2 : 1, dueAt: new Date().toISOString(), duplicate: false });
  };
  const store = createThematicStore({ api: createTallApi('http://tall.test', fetch), enqueue: async () => undefined });
  await TestBed.configureTestingModule({
    imports: [SessionPage, TranslocoTestingModule.forRoot({ langs: { en }, translocoConfig: { availableLangs: ['en'], defaultLang: 'en' }, preloadLangs: true })],
    providers: [
      provideRouter([]),
      { provide: THEMATIC_STORE, useValue: store },
      { provide: LOBBY_STORE, useValue: createStore(() => ({ remember: async () => undefined })) },
    ],
  }).compileComponents();
  const fixture = TestBed.createComponent(SessionPage);
  fixture.componentRef.setInput('topicId', 'greetings');
  const settle = async () => {
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await fixture.whenStable();
      fixture.detectChanges();
    }
  };
  await settle();
  return { fixture, element: fixture.nativeElement as HTMLElement, posted, settle };
}

const key = (name: string) => document.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));

describe('SessionPage', () => {
  it('is studied with the keyboard alone and ends with a summary', async () => {
    const { element, posted, settle } = await render();
    expect(element.textContent).toContain('Card 1 of 2');
    expect(element.textContent).toContain('huis');

    key('1');
    await settle();
    expect(posted[0]).toMatchObject({ wordId: 'w1', mode: 'recognition', answer: 'house' });
    expect(element.querySelector('.feedback')?.textContent).toContain('Correct!');

    key('Enter');
    await settle();
    expect(element.textContent).toContain('Card 2 of 2');
    key('h');
    await settle();
    expect(posted[1]).toMatchObject({ wordId: 'w2', mode: 'article', answer: 'het' });
    expect(element.querySelector('.feedback')?.textContent).toContain('The answer: de');

    key('Enter');
    await settle();
    expect(element.textContent).toContain('Session complete');
    expect(element.querySelector('.figure.good .value')?.textContent?.trim()).toBe('1');
    expect(element.querySelector('.figure.bad .value')?.textContent?.trim()).toBe('1');
  });
});
