export * from './lib/object-storage.port';
export * from './lib/storage-errors';
export { assertValidObjectKey } from './lib/object-key';
export { S3ObjectStorage, createS3Client, type S3ObjectStorageOptions, type S3ConnectionOptions } from './lib/s3/s3-object-storage';
export {
  LocalDiskObjectStorage,
  LOCAL_UPLOAD_MEDIA_TYPE,
  type LocalDiskObjectStorageOptions,
} from './lib/local-disk/local-disk-object-storage';
export { LocalUrlSigner, type SignatureCheck, type SignatureFailure } from './lib/local-disk/url-signer';
export { LocalStorageController } from './lib/local-disk/local-storage.controller';
export { StorageModule, type StorageModuleOptions, type S3StorageModuleOptions, type LocalStorageModuleOptions } from './lib/storage.module';
