import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { createTallApi } from '@tall/client/api';
import { FakeApi, json } from '@tall/client/api/testing';
import { createReaderApi, createTestStore, type ReaderTest } from '@tall/client/reader/data-access';
import en from '../../i18n/en.json';
import { READER_STORE, TEST_STORE } from './read.routes';
import { readerTest } from '@tall/client/reader/data-access/testing';
import { TestPage } from './test.page';

const TEST = '/api/v1/reader/texts/text-1/test';

async function render(test: ReaderTest | null = readerTest()) {
  const fake = new FakeApi();
  if (test) fake.on('GET', TEST, () => json(200, test));
  fake.on('POST', `${TEST}/attempts`, () =>
    json(201, {
      id: '7d1c0a4e-0000-4000-8000-000000000002',
      score: 3,
      maxScore: 4,
      at: '2026-01-05T10:00:00.000Z',
      results: [
        { questionId: 'q1', correct: true, expected: 'Zijn moeder' },
        { questionId: 'q2', correct: true, expected: false },
        { questionId: 'q3', correct: true, expected: 'Utrecht' },
        { questionId: 'q4', correct: false, expected: ['bellen', 'praten', 'ophangen'] },
      ],
    }),
  );
  const announced: string[] = [];
  await TestBed.configureTestingModule({
    imports: [TestPage, TranslocoTestingModule.forRoot({ langs: { en }, translocoConfig: { availableLangs: ['en'], defaultLang: 'en' }, preloadLangs: true })],
    providers: [
      provideRouter([]),
      { provide: TEST_STORE, useValue: createTestStore(createReaderApi(createTallApi('http://tall.test', fake.fetch))) },
      { provide: READER_STORE, useValue: null },
      { provide: LiveAnnouncer, useValue: { announce: async (message: string) => void announced.push(message) } },
    ],
  }).compileComponents();
  const fixture = TestBed.createComponent(TestPage);
  fixture.componentRef.setInput('id', 'text-1');
  await settle(fixture);
  return { fixture, element: fixture.nativeElement as HTMLElement, fake, announced };
}

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await fixture.whenStable();
    fixture.detectChanges();
  }
}

const question = (element: HTMLElement, id: string) => element.querySelector<HTMLElement>(`[data-question-id="${id}"]`) as HTMLElement;
const orderItems = (element: HTMLElement) => [...question(element, 'q4').querySelectorAll('[data-testid="test-order-item"] .label')].map((item) => item.textContent);

describe('TestPage', () => {
  it('asks each kind of question with its own control, each labelled by its prompt', async () => {
    const { element } = await render();
    expect([...element.querySelectorAll('[data-testid="test-question"]')].map((item) => item.getAttribute('data-type'))).toEqual(['multipleChoice', 'trueFalse', 'shortAnswer', 'order']);
    expect(question(element, 'q1').querySelector('mat-radio-group')?.getAttribute('aria-labelledby')).toBe('prompt-q1');
    expect(question(element, 'q1').querySelectorAll('[data-testid="test-option"]')).toHaveLength(3);
    expect(question(element, 'q2').querySelector('mat-button-toggle-group')?.getAttribute('aria-labelledby')).toBe('prompt-q2');
    expect(question(element, 'q3').querySelector('input')?.getAttribute('aria-describedby')).toBe('prompt-q3');
    expect(orderItems(element)).toEqual(['ophangen', 'bellen', 'praten']);
    expect(element.querySelector<HTMLButtonElement>('[data-testid="test-submit"]')?.disabled).toBe(true);
    expect(element.querySelector('[data-testid="test-attempts"] li')?.textContent).toContain('1 / 4');
  });

  it('orders items with the move buttons, announcing each move, and keeps the focus on the moved item', async () => {
    const { fixture, element, announced } = await render();
    const downFirst = question(element, 'q4').querySelector<HTMLButtonElement>('[data-position="1"] [data-testid="test-move-down"]') as HTMLButtonElement;
    expect(downFirst.getAttribute('aria-label')).toBe('Move “ophangen” down (now 1 of 3)');
    downFirst.click();
    await settle(fixture);
    expect(orderItems(element)).toEqual(['bellen', 'ophangen', 'praten']);
    expect(announced).toEqual(['“ophangen” is now 2 of 3.']);
    expect(document.activeElement?.closest('[data-position]')?.querySelector('.label')?.textContent).toBe('ophangen');
    question(element, 'q4').querySelector<HTMLButtonElement>('[data-position="2"] [data-testid="test-move-down"]')?.click();
    await settle(fixture);
    expect(orderItems(element)).toEqual(['bellen', 'praten', 'ophangen']);
    // At the bottom its down button is off: the focus goes to its up button.
    expect(document.activeElement?.getAttribute('data-testid')).toBe('test-move-up');
    expect(question(element, 'q4').querySelector<HTMLButtonElement>('[data-position="1"] [data-testid="test-move-up"]')?.disabled).toBe(true);
  });

  it('sends the answers and shows each mark with the expected answer, the score and the new attempt', async () => {
    const { fixture, element, fake } = await render();
    question(element, 'q1').querySelectorAll<HTMLInputElement>('input[type="radio"]')[1].click();
    question(element, 'q2').querySelector<HTMLButtonElement>('[data-testid="test-false"] button')?.click();
    const short = question(element, 'q3').querySelector('input') as HTMLInputElement;
    short.value = ' Utrecht ';
    short.dispatchEvent(new Event('input'));
    await settle(fixture);
    expect(element.textContent).toContain('4 of 4 answered');

    element.querySelector<HTMLButtonElement>('[data-testid="test-submit"]')?.click();
    await vi.waitFor(() => expect(fake.calls('POST', `${TEST}/attempts`)).toBe(1));
    await settle(fixture);
    expect(fake.requests.at(-1)?.body).toEqual({
      answers: [
        { questionId: 'q1', answer: 1 },
        { questionId: 'q2', answer: false },
        { questionId: 'q3', answer: 'Utrecht' },
        { questionId: 'q4', answer: ['ophangen', 'bellen', 'praten'] },
      ],
    });
    const marks = [...element.querySelectorAll<HTMLElement>('[data-testid="test-result"]')];
    expect(marks.map((mark) => mark.dataset['correct'])).toEqual(['true', 'true', 'true', 'false']);
    expect(question(element, 'q4').querySelector('[data-testid="test-expected"]')?.textContent).toBe('bellen → praten → ophangen');
    expect(element.querySelector('[data-testid="test-score"]')?.textContent).toContain('Your score: 3 of 4');
    expect(element.querySelector('[data-testid="test-score"]')?.getAttribute('aria-live')).toBe('polite');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('test-score');
    expect([...element.querySelectorAll('[data-testid="test-attempts"] li')].map((item) => item.querySelector('strong')?.textContent)).toEqual(['3 / 4', '1 / 4']);
    expect(element.querySelector('[data-testid="test-submit"]')).toBeNull();
  });

  it('says so when the text has no test', async () => {
    const { element } = await render(null);
    expect(element.textContent).toContain('This text has no test');
  });
});
