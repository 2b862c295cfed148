import { exportUserDataCall } from '@tall/platform/call-contracts';

/** Progress publishes no topic: it builds its read model from the other contexts' events. */
export const PROGRESS_MODULE = { name: 'progress', publishes: [] as string[] } as const;

/** What progress holds about a user (their learning record, their teacher links), for the GDPR export. */
export const ExportProgressData = exportUserDataCall('progress');
