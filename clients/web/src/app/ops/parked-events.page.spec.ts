import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { createTallApi } from '@tall/client/api';
import { FakeApi, json } from '@tall/client/api/testing';
import { createParkedEventsStore, type ParkedEvent } from '@tall/client/ops/data-access';
import en from '../../i18n/en.json';
import { PARKED_EVENTS_STORE } from './ops.routes';
import { ParkedEventsPage } from './parked-events.page';

const LIST = '/api/v1/system/parked-events';
const FAILED_ID = '0b6f4e0a-7d1c-4a57-9f55-4c1e3e1a0001';
const WAITING_ID = '0b6f4e0a-7d1c-4a57-9f55-4c1e3e1a0002';

function parked(id: string, overrides: Partial<ParkedEvent> = {}): ParkedEvent {
  return {
    id,
    consumer: 'progress.onReviewRecorded',
    topic: 'vocabulary.review-recorded.v1',
    type: 'ReviewRecorded',
    key: 'student-1',
    eventId: `event-${id.slice(-4)}`,
    occurredAt: '2025-03-01T09:00:00.000Z',
    parkedAt: '2025-03-01T09:00:05.000Z',
    reason: 'failed',
    attempts: 5,
    lastError: 'E11000 duplicate key',
    payload: { wordId: 'w-42', rating: 'good' },
    ...overrides,
  };
}

/** The API as the page meets it: a list of parked events that replays and discards change. */
function server(events: ParkedEvent[]) {
  const api = new FakeApi().on('GET', LIST, () => {
    const counts = new Map<string, number>();
    for (const event of events) counts.set(event.consumer, (counts.get(event.consumer) ?? 0) + 1);
    return json(200, { items: events, total: events.length, consumers: [...counts].map(([consumer, count]) => ({ consumer, count })) });
  });
  return { api, events };
}

async function render(api: FakeApi) {
  await TestBed.configureTestingModule({
    imports: [ParkedEventsPage, TranslocoTestingModule.forRoot({ langs: { en }, translocoConfig: { availableLangs: ['en', 'nl'], defaultLang: 'en' }, preloadLangs: true })],
    providers: [provideRouter([]), { provide: PARKED_EVENTS_STORE, useValue: createParkedEventsStore(createTallApi('http://tall.test', api.fetch)) }],
  }).compileComponents();
  const fixture = TestBed.createComponent(ParkedEventsPage);
  await settle(fixture);
  return fixture;
}

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  await fixture.whenStable();
  fixture.detectChanges();
}

/** Waits (with vi.waitFor's deadline) until the page shows what the check expects. */
async function until(fixture: ComponentFixture<unknown>, check: () => void): Promise<void> {
  await vi.waitFor(async () => {
    await settle(fixture);
    check();
  });
}

const page = (fixture: ComponentFixture<unknown>) => fixture.nativeElement as HTMLElement;
const button = (root: ParentNode, label: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((element) => (element.getAttribute('aria-label') ?? element.textContent?.trim()) === label);

describe('ParkedEventsPage', () => {
  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((overlay) => (overlay.innerHTML = '')));

  it('says nothing is parked, and what parking means', async () => {
    const fixture = await render(server([]).api);
    await until(fixture, () => expect(page(fixture).textContent).toContain('No parked events'));
    expect(page(fixture).textContent).toContain('An event is parked only when it keeps failing after repeated attempts');
    expect(page(fixture).textContent).toContain('No consumer has anything parked.');
    expect(page(fixture).querySelector('table')).toBeNull();
  });

  it('lists events with their status in words, and shows the error and payload of an expanded row', async () => {
    const fixture = await render(server([parked(FAILED_ID), parked(WAITING_ID, { reason: 'waiting', lastError: null })]).api);
    await until(fixture, () => expect(page(fixture).querySelectorAll('tr.mat-mdc-row:not(.detail-row)')).toHaveLength(2));
    expect([...page(fixture).querySelectorAll('.reason')].map((chip) => chip.textContent?.trim())).toEqual(['error Failed', 'hourglass_top Waiting']);
    expect(page(fixture).querySelector('.bar-row')?.getAttribute('aria-label')).toBe('progress.onReviewRecorded: 2 parked. Show only this consumer');

    const toggle = page(fixture).querySelector<HTMLButtonElement>('[aria-controls="detail-' + FAILED_ID + '"]');
    expect(toggle?.getAttribute('aria-label')).toBe('Details of ReviewRecorded for key student-1');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    toggle?.click();
    await settle(fixture);
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    const detail = page(fixture).querySelector(`#detail-${FAILED_ID}`);
    expect(detail?.querySelector('pre.error')?.textContent).toBe('E11000 duplicate key');
    expect(JSON.parse(detail?.querySelector('pre:not(.error)')?.textContent ?? '')).toEqual({ wordId: 'w-42', rating: 'good' });
  });

  it('discards after confirmation, says what is left, and refreshes the list', async () => {
    const { api, events } = server([parked(FAILED_ID)]);
    api.on('DELETE', `${LIST}/${FAILED_ID}`, () => {
      events.splice(0, 1);
      return json(200, { remaining: 0 });
    });
    const fixture = await render(api);
    await until(fixture, () => expect(button(page(fixture), 'Discard ReviewRecorded for key student-1')).toBeDefined());
    button(page(fixture), 'Discard ReviewRecorded for key student-1')?.click();
    await until(fixture, () => expect(document.querySelector('[role=dialog]')?.textContent).toContain('Discard this event for good?'));
    expect(api.calls('DELETE', `${LIST}/${FAILED_ID}`)).toBe(0);

    button(document.querySelector('[role=dialog]') as ParentNode, 'Discard')?.click();
    await until(fixture, () => expect(document.body.textContent).toContain('Event discarded. Still parked for this key: 0.'));
    expect(api.calls('DELETE', `${LIST}/${FAILED_ID}`)).toBe(1);
    await until(fixture, () => expect(page(fixture).textContent).toContain('No parked events'));
  });

  it('keeps the event when the discard is cancelled', async () => {
    const { api } = server([parked(FAILED_ID)]);
    const fixture = await render(api);
    await until(fixture, () => expect(button(page(fixture), 'Discard ReviewRecorded for key student-1')).toBeDefined());
    button(page(fixture), 'Discard ReviewRecorded for key student-1')?.click();
    await until(fixture, () => expect(document.querySelector('[role=dialog]')).not.toBeNull());
    button(document.querySelector('[role=dialog]') as ParentNode, 'Cancel')?.click();
    await until(fixture, () => expect(document.querySelector('[role=dialog]')).toBeNull());
    expect(api.calls('DELETE', `${LIST}/${FAILED_ID}`)).toBe(0);
  });

  it('explains a replay refused because the consumer runs elsewhere', async () => {
    const { api } = server([parked(FAILED_ID)]);
    api.on('POST', `${LIST}/${FAILED_ID}/replay`, () => json(409, { statusCode: 409, code: 'CONSUMER_NOT_HOSTED', message: 'not hosted here' }));
    const fixture = await render(api);
    await until(fixture, () => expect(button(page(fixture), 'Replay ReviewRecorded for key student-1')).toBeDefined());
    button(page(fixture), 'Replay ReviewRecorded for key student-1')?.click();
    await until(fixture, () => expect(document.body.textContent).toContain('progress.onReviewRecorded runs in another deployment. Replay the event there.'));
    expect(api.calls('GET', LIST)).toBe(2);
  });

  it('reports how far a replay got when an event fails again', async () => {
    const { api } = server([parked(FAILED_ID), parked(WAITING_ID, { reason: 'waiting' })]);
    api.on('POST', `${LIST}/${FAILED_ID}/replay`, () => json(200, { applied: 1, remaining: 1, error: 'still broken' }));
    const fixture = await render(api);
    await until(fixture, () => expect(button(page(fixture), 'Replay ReviewRecorded for key student-1')).toBeDefined());
    button(page(fixture), 'Replay ReviewRecorded for key student-1')?.click();
    await until(fixture, () => expect(document.body.textContent).toContain('Applied: 1; then one failed again: still broken. Still parked for this key: 1.'));
  });

  it('says the list could not be loaded and offers to try again', async () => {
    let down = true;
    const { api: working } = server([]);
    const api = new FakeApi().on('GET', LIST, (request) => (down ? json(503, { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'down' }) : working.fetch(request)));
    const fixture = await render(api);
    await until(fixture, () => expect(page(fixture).querySelector('[role=alert]')?.textContent).toContain('The parked events could not be loaded.'));
    expect(page(fixture).querySelector('[role=alert]')?.textContent).toContain('Part of Tall is temporarily unavailable.');
    down = false;
    button(page(fixture), 'Try again')?.click();
    await until(fixture, () => expect(page(fixture).textContent).toContain('No parked events'));
  });
});
