export const SystemTopics = {
  events: 'system.events.v1',
  cronWeekly: 'system.cron.weekly',
} as const;

export const SYSTEM_MODULE = { name: 'system', publishes: [SystemTopics.events, SystemTopics.cronWeekly] } as const;
