import { exportUserDataCall } from '@tall/platform/call-contracts';

/** The lobby publishes no topic: it reads roles from `user.events.v2`. */
export const LOBBY_MODULE = { name: 'lobby', publishes: [] as string[] } as const;

/** What the lobby holds about a user, for the GDPR export. */
export const ExportLobbyData = exportUserDataCall('lobby');
