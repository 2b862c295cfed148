export type { ContentPage } from '@tall/admin/contracts';

export const DEFAULT_PAGE_SIZE = 20;
