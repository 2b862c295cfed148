import type { components } from './api-types';

/** Short names for the API's schemas the client works with. */
type Schemas = components['schemas'];
export type LobbyView = Schemas['LobbyViewDto'];
export type LobbyProduct = LobbyView['products'][number];
export type ProductKey = LobbyProduct['key'];
export type PersonalData = Schemas['PersonalDataDto'];
export type UpdatePersonalData = Schemas['UpdatePersonalDataDto'];
export type SessionView = Schemas['SessionListDto']['items'][number];
export type UserListItem = Schemas['UserListDto']['items'][number];
export type UserList = Schemas['UserListDto'];
export type UserView = Schemas['UserViewDto'];
export type CreateUserRequest = Schemas['CreateUserDto'];
export type StudentList = Schemas['StudentListDto'];
export type JobRun = Schemas['JobRunDto'];
export type KeyRotationResult = Schemas['KeyRotationResultDto'];
export type ClientVersions = Schemas['ClientVersionsDto'];
export type SystemInfo = Schemas['SystemInfoDto'];
export type UserDataExport = Schemas['UserDataExportDto'];
