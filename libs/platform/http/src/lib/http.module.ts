import { Global, Module, type DynamicModule } from '@nestjs/common';
import { CLIENT_VERSION_POLICY, StaticClientVersionPolicy, type ClientPlatform } from './client-version';

@Global()
@Module({})
export class HttpPlatformModule {
  static forRoot(options: { minimumClientVersions: Record<ClientPlatform, string> }): DynamicModule {
    return {
      module: HttpPlatformModule,
      providers: [
        { provide: CLIENT_VERSION_POLICY, useValue: new StaticClientVersionPolicy({ ...options.minimumClientVersions }) },
      ],
      exports: [CLIENT_VERSION_POLICY],
    };
  }
}
