import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig, ENV_KEY } from './app-config';
import { parseEnv } from './env.schema';

@Global()
@Module({})
export class AppConfigModule {
  /**
   * The environment is parsed when the app is instantiated (a `load` factory is a provider),
   * not when a file that mentions config is imported, so each app sees the env it starts with.
   */
  static forRoot(): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: true,
          load: [() => ({ [ENV_KEY]: parseEnv(process.env) })],
        }),
      ],
      providers: [AppConfig],
      exports: [AppConfig],
    };
  }
}
