import { exportUserDataCall } from '@tall/platform/call-contracts';
import { ContentTopics } from './content-events';

export const ADMIN_MODULE = { name: 'admin', publishes: Object.values(ContentTopics) as string[] } as const;

/** What the admin context holds about a user (the content steps an admin took), for the GDPR export. */
export const ExportAdminData = exportUserDataCall('admin');
