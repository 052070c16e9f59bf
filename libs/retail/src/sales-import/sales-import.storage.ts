import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { SalesImportStatus } from './sales-import-status.enum';
import { SalesImport } from './sales-import.entity';
import { UPLOAD_CONTEXT, UploadContext } from './sales-import-upload.guard';

/** Size of the pieces the upload is staged in. */
export const SALES_IMPORT_CHUNK_BYTES = 1024 * 1024;
/** Largest CSV accepted (a million rows is about 100 MB). */
export const MAX_SALES_IMPORT_BYTES = 1024 * 1024 * 1024;

/** What the storage engine hands the route handler as `req.file`. */
export interface StagedUpload {
  importId: string;
  size: number;
  sha256: string;
  originalname: string;
}

interface MulterFile {
  originalname: string;
  stream: Readable;
}

/**
 * A multer storage engine that streams the uploaded file into PostgreSQL (`sales_import_chunk`,
 * about 1 MiB a row) as it arrives: never more than a chunk in memory, no local disk, and any
 * worker on any host can read it back. The upload guard has already checked the caller and the
 * outlet and put them on the request.
 */
export class SalesImportStorage {
  constructor(private readonly db: DataSource) {}

  _handleFile(
    req: Request,
    file: MulterFile,
    callback: (error: Error | null, info?: Partial<StagedUpload>) => void,
  ): void {
    const context = (req as Request & { [UPLOAD_CONTEXT]?: UploadContext })[UPLOAD_CONTEXT];
    if (!context) {
      file.stream.resume();
      callback(new Error('sales import upload without an authenticated context'));
      return;
    }
    this.stage(context, file).then(
      (info) => callback(null, info),
      (error: Error) => callback(error),
    );
  }

  _removeFile(
    _req: Request,
    file: Partial<StagedUpload>,
    callback: (error: Error | null) => void,
  ): void {
    if (!file.importId) return callback(null);
    this.db
      .getRepository(SalesImport)
      .delete({ id: file.importId, status: SalesImportStatus.UPLOADING })
      .then(
        () => callback(null),
        (error: Error) => callback(error),
      );
  }

  private async stage(context: UploadContext, file: MulterFile): Promise<StagedUpload> {
    const imports = this.db.getRepository(SalesImport);
    const salesImport = await imports.save(
      imports.create({
        outletId: context.outlet.id,
        organizationId: context.outlet.organizationId,
        uploadedByUserId: context.viewer.userId,
        fileName: cleanFileName(file.originalname),
        status: SalesImportStatus.UPLOADING,
      }),
    );
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const writeChunk = async () => {
      if (!pendingBytes) return;
      const data = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await this.db.query(
        'INSERT INTO sales_import_chunk (import_id, seq, data) VALUES ($1, $2, $3)',
        [salesImport.id, seq, data],
      );
      seq += 1;
    };
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        hash.update(chunk);
        size += chunk.length;
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes < SALES_IMPORT_CHUNK_BYTES) return done();
        writeChunk().then(() => done(), done);
      },
      final: (done) => {
        writeChunk().then(() => done(), done);
      },
    });
    try {
      await pipeline(file.stream, sink);
    } catch (error) {
      await imports.delete({ id: salesImport.id }).catch(() => undefined);
      throw error;
    }
    const sha256 = hash.digest('hex');
    await imports.update({ id: salesImport.id }, { byteSize: size, sha256, chunkCount: seq });
    return { importId: salesImport.id, size, sha256, originalname: file.originalname };
  }
}

function cleanFileName(name: string | undefined): string {
  // Control characters (below U+0020, and DEL) are dropped.
  const cleaned = [...(name ?? '')]
    .filter((char) => char >= ' ' && char !== '\u007f')
    .join('')
    .trim()
    .slice(0, 200);
  return cleaned || 'sales.csv';
}
