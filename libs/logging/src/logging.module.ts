import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '@cc/config';
import { GraphqlErrorsLoggedOnceFilter } from './graphql-errors-logged-once.filter';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Where a logged QueryFailedError (as pino's err serializer copies it) carries values: TypeORM's
 * `parameters`, and node-postgres's `detail` ("Key (email)=(…) already exists") and `where`,
 * on the error and on its `driverError`. The SQL text, code, constraint and message stay.
 */
const SQL_VALUE_PATHS = ['parameters', 'detail', 'where'].flatMap((field) => [
  `err.${field}`,
  `err.driverError.${field}`,
]);

/**
 * Structured JSON logs with a request id; pretty-printed in development. One line per error
 * (GraphqlErrorsLoggedOnceFilter).
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          genReqId: (req, res) => {
            const incoming = req.headers['x-request-id'];
            const id =
              typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
            res.setHeader('x-request-id', id);
            return id;
          },
          // credentials never reach a log line, whatever the level: nor do the values bound to
          // a failed SQL statement (argon2 hashes, emails, tokens) or PostgreSQL's echo of them
          redact: {
            paths: [
              'req.headers.authorization',
              'req.headers.cookie',
              'req.headers["proxy-authorization"]',
              'res.headers["set-cookie"]',
              ...SQL_VALUE_PATHS,
            ],
            censor: '[redacted]',
          },
          autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
          transport:
            config.nodeEnv === 'development'
              ? {
                  target: 'pino-pretty',
                  options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' },
                }
              : undefined,
        },
      }),
    }),
  ],
  providers: [{ provide: APP_FILTER, useClass: GraphqlErrorsLoggedOnceFilter }],
})
export class LoggingModule {}
