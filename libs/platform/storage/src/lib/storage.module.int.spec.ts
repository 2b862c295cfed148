import { DeleteBucketCommand, DeleteObjectCommand } from '@aws-sdk/client-s3';
import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HealthRegistry } from '@tall/platform/observability';
import { stackEnv, uniqueName } from '@tall/platform/testing';
import { OBJECT_STORAGE, type ObjectStorage } from './object-storage.port';
import { createS3Client, S3ObjectStorage } from './s3/s3-object-storage';
import { StorageModule } from './storage.module';

describe('StorageModule with the S3 driver', () => {
  it('creates the bucket at start, binds OBJECT_STORAGE and adds a readiness check', async () => {
    const env = stackEnv();
    const bucket = uniqueName('tall-module').toLowerCase().replace(/_/g, '-');
    const connection = {
      region: env.AWS_REGION,
      endpoint: env.AWS_ENDPOINT_URL_S3,
      forcePathStyle: true,
      credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
    };

    @Global()
    @Module({ providers: [HealthRegistry], exports: [HealthRegistry] })
    class HealthModule {}

    @Module({ imports: [HealthModule, StorageModule.forRoot({ driver: 's3', bucket, ensureBucket: true, ...connection })] })
    class AppModule {}

    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const storage = app.get<ObjectStorage>(OBJECT_STORAGE);
    expect(storage).toBeInstanceOf(S3ObjectStorage);
    await storage.put('hello.txt', Buffer.from('hi'), { contentType: 'text/plain' });
    expect(await storage.exists('hello.txt')).toBe(true);
    expect((await app.get(HealthRegistry).readiness()).checks['storage']).toMatchObject({ status: 'up' });
    await app.close();

    const client = createS3Client(connection);
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'hello.txt' }));
    await client.send(new DeleteBucketCommand({ Bucket: bucket }));
    client.destroy();
  });
});
