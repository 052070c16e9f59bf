export { BaseEntity } from './base.entity';
export { buildDataSourceOptions, DatabaseConnectionSettings } from './data-source-options';
export { DatabaseModule } from './database.module';
export { runMigrations } from './run-migrations';
export { SnakeNamingStrategy, snakeCase } from './snake-naming.strategy';
export { isForeignKeyViolation, isUniqueViolation, violationTable } from './postgres-errors';
export { containsPattern, escapeLike } from './like-pattern';
export { QueryExecutor, RunQuery, runOn } from './run-query';
