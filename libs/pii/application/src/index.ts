export * from './lib/ports';
export * from './lib/pii-errors';
export { PersonalDataService, type StorePersonalDataCommand, type ReadResult } from './lib/personal-data.service';
export { ErasureService } from './lib/erasure.service';
export { UserDataExportCollector, EXPORT_CONTROLLER } from './lib/user-data-export.collector';
export { KeyRotationService, ROTATION_PERIOD_DAYS, type RotationResult } from './lib/key-rotation.service';
