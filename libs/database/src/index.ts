export { BaseEntity } from './base.entity';
export { buildDataSourceOptions, DatabaseConnectionSettings } from './data-source-options';
export { DatabaseModule } from './database.module';
export { runMigrations } from './run-migrations';
export { SnakeNamingStrategy, snakeCase } from './snake-naming.strategy';
export { isUniqueViolation } from './postgres-errors';
export { containsPattern, escapeLike } from './like-pattern';
