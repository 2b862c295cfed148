import { ContentItems } from './lib/content/content-items';
import { AdoptContentHandler } from './lib/content/adopt-content/adopt-content.handler';
import { ArchiveContentHandler } from './lib/content/archive-content/archive-content.handler';
import { CreateContentHandler } from './lib/content/create-content/create-content.handler';
import { EditContentHandler } from './lib/content/edit-content/edit-content.handler';
import { GetContentHandler } from './lib/content/get-content/get-content.handler';
import { GetContentHistoryHandler } from './lib/content/get-content-history/get-content-history.handler';
import { ListContentHandler } from './lib/content/list-content/list-content.handler';
import { PublishContentHandler } from './lib/content/publish-content/publish-content.handler';
import { SubmitContentHandler } from './lib/content/submit-content/submit-content.handler';
import { ExportAdminDataHandler } from './lib/user-data/export-admin-data/export-admin-data.handler';

export * from './lib/admin-error';
export * from './lib/ports/content-store.port';
export * from './lib/ports/content-owners.port';
export { contentItemView, type AdoptionReport } from './lib/content/content-items';

export * from './lib/content/list-content/list-content.query';
export * from './lib/content/get-content/get-content.query';
export * from './lib/content/get-content-history/get-content-history.query';
export * from './lib/content/create-content/create-content.command';
export * from './lib/content/edit-content/edit-content.command';
export * from './lib/content/submit-content/submit-content.command';
export * from './lib/content/publish-content/publish-content.command';
export * from './lib/content/archive-content/archive-content.command';
export * from './lib/content/adopt-content/adopt-content.command';
export * from './lib/user-data/export-admin-data/export-admin-data.query';

/** Services the handlers share. */
export const adminCollaborators = [ContentItems];
export const adminQueryHandlers = [ListContentHandler, GetContentHandler, GetContentHistoryHandler, ExportAdminDataHandler];
export const adminCommandHandlers = [CreateContentHandler, EditContentHandler, SubmitContentHandler, PublishContentHandler, ArchiveContentHandler, AdoptContentHandler];
