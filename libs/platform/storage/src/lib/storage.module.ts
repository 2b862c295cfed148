import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
  Optional,
  type Provider,
} from '@nestjs/common';
import { HealthRegistry } from '@tall/platform/observability';
import { LocalDiskObjectStorage, type LocalDiskObjectStorageOptions } from './local-disk/local-disk-object-storage';
import { LOCAL_STORAGE_UPLOAD_LIMIT, LocalStorageController } from './local-disk/local-storage.controller';
import { LocalUploadBodyParser } from './local-disk/local-upload-body-parser';
import { OBJECT_STORAGE, type ObjectStorage } from './object-storage.port';
import { createS3Client, S3ObjectStorage, type S3ConnectionOptions } from './s3/s3-object-storage';

export interface S3StorageModuleOptions extends S3ConnectionOptions {
  driver: 's3';
  bucket: string;
  /** Endpoint written into pre-signed URLs when clients reach S3 under another host than the app. */
  publicEndpoint?: string;
  /** Create the bucket at start when missing (local stack, tests); default false. */
  ensureBucket?: boolean;
}

export interface LocalStorageModuleOptions extends LocalDiskObjectStorageOptions {
  driver: 'local';
  /** Largest accepted upload through a pre-signed PUT; default 1 GiB. */
  maxUploadBytes?: number;
}

export type StorageModuleOptions = S3StorageModuleOptions | LocalStorageModuleOptions;

@Injectable()
class StorageLifecycle implements OnApplicationShutdown {
  constructor(@Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage, @Optional() health?: HealthRegistry) {
    health?.register({ name: 'storage', check: () => storage.checkReachable() });
  }

  onApplicationShutdown(): void {
    if (this.storage instanceof S3ObjectStorage) this.storage.destroy();
  }
}

/**
 * Binds `OBJECT_STORAGE` to the configured driver, globally. The local driver also mounts
 * `LocalStorageController` at `storage/local` (under the app's global prefix, if any). Adds a
 * 'storage' readiness check when the observability module is loaded.
 */
@Module({})
export class StorageModule {
  static forRoot(options: StorageModuleOptions): DynamicModule {
    if (options.driver === 'local') {
      const providers: Provider[] = [
        { provide: LocalDiskObjectStorage, useValue: new LocalDiskObjectStorage(options) },
        { provide: OBJECT_STORAGE, useExisting: LocalDiskObjectStorage },
        { provide: LOCAL_STORAGE_UPLOAD_LIMIT, useValue: options.maxUploadBytes ?? 1024 * 1024 * 1024 },
        LocalUploadBodyParser,
        StorageLifecycle,
      ];
      return {
        module: StorageModule,
        global: true,
        controllers: [LocalStorageController],
        providers,
        exports: [OBJECT_STORAGE, LocalDiskObjectStorage],
      };
    }
    const providers: Provider[] = [
      {
        provide: S3ObjectStorage,
        useFactory: async () => {
          const storage = new S3ObjectStorage({
            client: createS3Client(options),
            bucket: options.bucket,
            presignClient: options.publicEndpoint
              ? createS3Client({ ...options, endpoint: options.publicEndpoint })
              : undefined,
          });
          if (options.ensureBucket) await storage.ensureBucket();
          return storage;
        },
      },
      { provide: OBJECT_STORAGE, useExisting: S3ObjectStorage },
      StorageLifecycle,
    ];
    return { module: StorageModule, global: true, providers, exports: [OBJECT_STORAGE, S3ObjectStorage] };
  }
}
