import { ContentTopics } from './content-events';

export const ADMIN_MODULE = { name: 'admin', publishes: Object.values(ContentTopics) as string[] } as const;
