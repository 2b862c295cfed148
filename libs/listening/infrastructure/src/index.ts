export { ListeningModule, listeningSettings, type ListeningModuleOptions } from './lib/listening.module';
export { listeningDatabaseName } from './lib/persistence/listening-connection';
export { readSeedVideos, SEED_VIDEOS_DIR } from './lib/seed/seed-videos';
