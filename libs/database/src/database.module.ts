import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@cc/config';
import { buildDataSourceOptions } from './data-source-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...buildDataSourceOptions(config.database),
        // Nest registers each domain's entities through TypeOrmModule.forFeature.
        entities: [],
        migrations: [],
        autoLoadEntities: true,
      }),
    }),
  ],
})
export class DatabaseModule {}
