import { exportUserDataCall } from '@tall/platform/call-contracts';
import { ListeningTopics } from './listening-events';

export const LISTENING_MODULE = { name: 'listening', publishes: Object.values(ListeningTopics) as string[] } as const;

/** What listening holds about a user (positions, answers, registered devices), for the GDPR export. */
export const ExportListeningData = exportUserDataCall('listening');
