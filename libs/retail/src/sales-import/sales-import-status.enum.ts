import { registerEnumType } from '@nestjs/graphql';

export enum SalesImportStatus {
  /** The file is still arriving. */
  UPLOADING = 'UPLOADING',
  /** Stored, waiting for a worker. */
  QUEUED = 'QUEUED',
  PROCESSING = 'PROCESSING',
  /** Every row was read: good rows imported, bad ones reported. */
  COMPLETED = 'COMPLETED',
  /** The file as a whole could not be read (e.g. a wrong header); nothing was imported. */
  FAILED = 'FAILED',
}
registerEnumType(SalesImportStatus, { name: 'SalesImportStatus' });
