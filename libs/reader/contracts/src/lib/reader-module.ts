import { exportUserDataCall } from '@tall/platform/call-contracts';
import { ReaderTopics } from './reader-events';

export const READER_MODULE = { name: 'reader', publishes: Object.values(ReaderTopics) as string[] } as const;

/** What the reader holds about a user (own texts, word states, reading positions, saved words, test attempts), for the GDPR export. */
export const ExportReaderData = exportUserDataCall('reader');
