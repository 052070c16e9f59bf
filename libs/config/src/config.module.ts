import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config';
import { parseEnv } from './env.schema';

@Global()
@Module({})
export class AppConfigModule {
  /** Validation runs when an app is composed, not when a file that mentions config is imported. */
  static forRoot(): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, validate: parseEnv })],
      providers: [AppConfig],
      exports: [AppConfig],
    };
  }
}
