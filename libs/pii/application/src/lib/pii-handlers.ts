import { ShredPersonalDataHandler } from './erasure/shred-personal-data/shred-personal-data.handler';
import { CollectUserDataExportHandler } from './export/collect-user-data-export/collect-user-data-export.handler';
import { MasterKeyRotation } from './key-rotation/master-key-rotation';
import { RotateMasterKeyHandler } from './key-rotation/rotate-master-key/rotate-master-key.handler';
import { SweepMasterKeyHandler } from './key-rotation/sweep-master-key/sweep-master-key.handler';
import { AccessLog } from './personal-data/access-log';
import { ExportOwnPersonalDataHandler } from './personal-data/export-own-personal-data/export-own-personal-data.handler';
import { GetDisplayNamesHandler } from './personal-data/get-display-names/get-display-names.handler';
import { PersonalDataVault } from './personal-data/personal-data-vault';
import { ReadOwnPersonalDataHandler } from './personal-data/read-own-personal-data/read-own-personal-data.handler';
import { ReadUserPersonalDataHandler } from './personal-data/read-user-personal-data/read-user-personal-data.handler';
import { ReplaceOwnPersonalDataHandler } from './personal-data/replace-own-personal-data/replace-own-personal-data.handler';
import { StorePersonalDataHandler } from './personal-data/store-personal-data/store-personal-data.handler';
import { ApplyTeacherLinkHandler } from './teacher-links/apply-teacher-link/apply-teacher-link.handler';
import { ApplyUserRoleHandler } from './user-roles/apply-user-role/apply-user-role.handler';
import { RecordUserRolesHandler } from './user-roles/record-user-roles/record-user-roles.handler';

export const piiCommandHandlers = [
  StorePersonalDataHandler,
  ReplaceOwnPersonalDataHandler,
  ShredPersonalDataHandler,
  RotateMasterKeyHandler,
  SweepMasterKeyHandler,
  ApplyTeacherLinkHandler,
  ApplyUserRoleHandler,
  RecordUserRolesHandler,
];

export const piiQueryHandlers = [
  ReadOwnPersonalDataHandler,
  ReadUserPersonalDataHandler,
  GetDisplayNamesHandler,
  ExportOwnPersonalDataHandler,
  CollectUserDataExportHandler,
];

/** The collaborators several handlers share. */
export const piiServices = [PersonalDataVault, AccessLog, MasterKeyRotation];
