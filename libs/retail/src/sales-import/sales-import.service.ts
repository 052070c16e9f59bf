import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, Not, Repository } from 'typeorm';
import { Viewer } from '@cc/auth';
import { Connection, ConnectionArgs, paginate } from '@cc/graphql';
import { QueueName, QueueService } from '@cc/queue';
import { OutletService } from '../outlet/outlet.service';
import { RetailAccess } from '../retail-access';
import { RetailErrorCode, RetailException } from '../retail.exception';
import { ProcessSalesImportJob, SALES_IMPORT_ATTEMPTS } from './process-sales-import.job';
import { SalesImportChunk } from './sales-import-chunk.entity';
import { SalesImportError } from './sales-import-error.entity';
import { SalesImportStatus } from './sales-import-status.enum';
import { SalesImport } from './sales-import.entity';

@Injectable()
export class SalesImportService {
  constructor(
    @InjectRepository(SalesImport) private readonly imports: Repository<SalesImport>,
    @InjectRepository(SalesImportError) private readonly errors: Repository<SalesImportError>,
    @InjectRepository(SalesImportChunk) private readonly chunks: Repository<SalesImportChunk>,
    private readonly outlets: OutletService,
    private readonly access: RetailAccess,
    private readonly queue: QueueService,
  ) {}

  /** The file is staged: queue it for a worker, noting an earlier import of the very same file. */
  async enqueue(importId: string): Promise<SalesImport> {
    const salesImport = await this.imports.findOneByOrFail({ id: importId });
    const previous = salesImport.sha256
      ? await this.imports.findOne({
          where: {
            outletId: salesImport.outletId,
            sha256: salesImport.sha256,
            status: SalesImportStatus.COMPLETED,
            id: Not(salesImport.id),
          },
          order: { createdAt: 'ASC' },
        })
      : null;
    await this.imports.update(
      { id: importId, status: SalesImportStatus.UPLOADING },
      { status: SalesImportStatus.QUEUED, sameFileAsImportId: previous?.id ?? null },
    );
    await this.queue.add(ProcessSalesImportJob, { importId }, { attempts: SALES_IMPORT_ATTEMPTS });
    return this.imports.findOneByOrFail({ id: importId });
  }

  /**
   * Queues a FAILED import again whose file is still stored (it failed for an outage or a
   * stalled worker, not for its content). Rows imported before are kept, not doubled.
   */
  async retry(viewer: Viewer, id: string): Promise<SalesImport> {
    const salesImport = await this.getVisible(viewer, id);
    if (salesImport.status !== SalesImportStatus.FAILED) {
      throw RetailException.conflict(
        RetailErrorCode.SALES_IMPORT_NOT_RETRYABLE,
        salesImport.status === SalesImportStatus.COMPLETED
          ? 'only a FAILED import can be retried; this one is COMPLETED, so there is nothing to redo'
          : `only a FAILED import can be retried; this one is ${salesImport.status}: wait for it to finish (salesImport(id) shows its progress)`,
        { status: salesImport.status },
      );
    }
    const storedChunks = await this.chunks.countBy({ importId: id });
    if (salesImport.chunkCount === 0 || storedChunks < salesImport.chunkCount) {
      throw RetailException.conflict(
        RetailErrorCode.SALES_IMPORT_NOT_RETRYABLE,
        'this import failed because of its file, which is no longer stored; fix the file and upload it again',
        { status: salesImport.status },
      );
    }
    const queued = await this.imports.update(
      { id, status: SalesImportStatus.FAILED },
      { status: SalesImportStatus.QUEUED, failureReason: null, finishedAt: null },
    );
    if (queued.affected) {
      // The failed job keeps its deterministic id: remove it, or the new one would be ignored.
      await this.queue
        .queue(QueueName.IMPORTS)
        .remove(ProcessSalesImportJob.jobId({ importId: id }));
      await this.queue.add(
        ProcessSalesImportJob,
        { importId: id },
        { attempts: SALES_IMPORT_ATTEMPTS },
      );
    }
    return this.imports.findOneByOrFail({ id });
  }

  /** An import, for members of the outlet's organization (others are told it does not exist). */
  async getVisible(viewer: Viewer, id: string): Promise<SalesImport> {
    const salesImport = await this.imports.findOneBy({ id });
    if (!salesImport || !(await this.access.isOutletMember(viewer, salesImport))) {
      throw RetailException.notFound(RetailErrorCode.SALES_IMPORT_NOT_FOUND, 'SalesImport', id);
    }
    return salesImport;
  }

  async list(
    viewer: Viewer,
    outletId: string,
    page: ConnectionArgs,
  ): Promise<Connection<SalesImport>> {
    await this.access.assertOutletMember(viewer, await this.outlets.get(outletId));
    return paginate(
      this.imports.createQueryBuilder('import').where('import.outlet_id = :outletId', { outletId }),
      page,
      {
        column: 'import.created_at',
        direction: 'DESC',
        valueOf: (salesImport) => salesImport.createdAt.toISOString(),
      },
    );
  }

  /** Bad rows by line (at most the first 1000 found are stored). */
  errorsOf(importId: string, limit: number, afterLine = 0): Promise<SalesImportError[]> {
    return this.errors.find({
      where: { importId, line: MoreThan(afterLine) },
      order: { line: 'ASC', seq: 'ASC' },
      take: limit,
    });
  }
}

/** One sentence on where an import stands, for people. */
export function salesImportSummary(salesImport: SalesImport): string {
  const rows = (count: number, what: string) => `${count} ${count === 1 ? 'row' : 'rows'} ${what}`;
  switch (salesImport.status) {
    case SalesImportStatus.UPLOADING:
      return 'The file is still uploading.';
    case SalesImportStatus.QUEUED:
      return salesImport.sameFileAsImportId
        ? `Queued. This file is identical to import ${salesImport.sameFileAsImportId}: its sales are already recorded, so nothing new will be added.`
        : 'Queued for processing.';
    case SalesImportStatus.PROCESSING:
      return `Processing: ${rows(salesImport.processedRows, 'read so far')}.`;
    case SalesImportStatus.FAILED:
      return `Failed: ${salesImport.failureReason ?? 'unknown reason'}.`;
    case SalesImportStatus.COMPLETED: {
      const parts = [
        salesImport.importedRows === 0
          ? 'nothing new was added'
          : rows(salesImport.importedRows, 'imported'),
        rows(salesImport.duplicateRows, 'already recorded (duplicates, nothing added)'),
        rows(salesImport.rejectedRows, 'rejected'),
      ];
      return `Completed: ${rows(salesImport.processedRows, 'read')}; ${parts.join('; ')}.`;
    }
  }
}
