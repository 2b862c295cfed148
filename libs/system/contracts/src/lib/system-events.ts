import { z } from 'zod';
import { defineEvent } from '@tall/platform/event-contracts';
import { SystemTopics } from './system-topics';

export const SystemStarted = defineEvent({
  type: 'system.started',
  version: 1,
  topic: SystemTopics.events,
  description: 'An instance of Tall started and hosts the listed modules.',
  schema: z.object({
    instanceId: z.string().min(1),
    modules: z.array(z.string()),
    appVersion: z.string(),
    startedAt: z.iso.datetime(),
  }),
});

export const WeeklyCronTriggered = defineEvent({
  type: 'cron.weekly.triggered',
  version: 1,
  topic: SystemTopics.cronWeekly,
  description:
    'The weekly job ran for an ISO week (Europe/Amsterdam). Contexts with weekly work (cohort rotation) react to it, idempotently per periodKey.',
  schema: z.object({
    job: z.string().min(1),
    periodKey: z.string().regex(/^\d{4}-W\d{2}$/),
    trigger: z.enum(['schedule', 'catch-up', 'manual']),
    triggeredAt: z.iso.datetime(),
  }),
});

export const SYSTEM_EVENT_CONTRACTS = [SystemStarted, WeeklyCronTriggered] as const;
