import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse';
import type { PoolClient, QueryResult } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, In } from 'typeorm';
import { periodOf, periodsBetween } from '@cc/impact';
import { CpuSlices, OutboxEntry, OutboxWriter, ProjectEventKind, projectEvent } from '@cc/queue';
import { RetailFactsService } from '../indicators/retail-facts.service';
import { Outlet } from '../outlet/outlet.entity';
import { Placement } from '../placement/placement.entity';
import { salesChanged } from '../retail-coupling';
import { SalePlausibility, SqlRows } from '../sale/sale-plausibility';
import { overStock, overStockMessage } from '../sale/sale-stock';
import { Product } from '../product/product.entity';
import { SaleAnomalyAudience, saleAnomalyNotice } from '../sale-anomaly/sale-anomaly-notice.job';
import {
  anomalyReasons,
  SaleAnomalyReasonValue,
  UsualQuantity,
} from '../sale-anomaly/sale-anomaly-rules';
import {
  LineEndingNormalizer,
  readSalesCsvHeader,
  readSalesCsvRow,
  recordStartLine,
  SALES_CSV_COLUMNS,
  SalesCsvHeader,
  SalesCsvRow,
} from './sales-csv';
import { SalesImportChunk } from './sales-import-chunk.entity';
import { SalesImportError } from './sales-import-error.entity';
import { productExistence, unplacedReason } from './unplaced-product';
import { SalesImportStatus } from './sales-import-status.enum';
import { SalesImport } from './sales-import.entity';
import { matchingChanged, MatchSubject } from '@cc/matching';

/** Rows validated and written per transaction: one COPY and one INSERT … SELECT each. */
export const SALES_IMPORT_BATCH_ROWS = 10_000;
/** Bad rows kept with their line and reason; `rejectedRows` still counts every one. */
export const MAX_STORED_IMPORT_ERRORS = 1_000;
/**
 * What csv-parse is handed at once: it parses a piece in one synchronous call, and a whole stored
 * chunk (1 MiB, ~12,000 rows) held the worker's event loop, and so its lock renewal, for ~0.3 s
 * (seconds on a loaded machine).
 */
const PARSE_PIECE_BYTES = 64 * 1024;

interface StagedRow extends SalesCsvRow {
  line: number;
  placementId: string;
  /** Why the row is held for review; empty when it counts at once. */
  reasons: SaleAnomalyReasonValue[];
}

interface RowError {
  line: number;
  field: string | null;
  reason: string;
}

interface PlacementWindow {
  id: string;
  from: number;
  to: number | null;
}

interface Progress {
  processed: number;
  imported: number;
  duplicates: number;
  rejected: number;
  storedErrors: number;
  /** Range of sold_at of the good rows (epoch ms), for the coupling event. */
  earliest: number;
  latest: number;
}

interface CsvRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

const STAGING_TABLE = `CREATE TEMP TABLE IF NOT EXISTS sales_import_staging (
  line int NOT NULL,
  external_id text NOT NULL,
  product_id uuid NOT NULL,
  placement_id uuid NOT NULL,
  quantity int NOT NULL,
  unit_price_fen int NOT NULL,
  sold_at timestamptz NOT NULL,
  reasons jsonb
) ON COMMIT DELETE ROWS`;

/**
 * Imports a staged CSV of sales, in the worker, without holding the file or its rows in memory:
 * the chunks stream out of PostgreSQL one at a time through csv-parse; every row is validated
 * (format, then a placement of the product at the outlet active at sold_at); good rows go in
 * batches through COPY into a session-temporary staging table and on into `sale` with
 * INSERT … SELECT … ON CONFLICT (outlet, external_id) DO NOTHING; bad rows are stored with their
 * line and reason. Each batch commits its rows, its errors and the progress counters together.
 *
 * A retried attempt starts over: errors and counters are reset, rows already imported are kept
 * by ON CONFLICT, and the final counts come from the `sale` rows tagged with the import.
 */
@Injectable()
export class SalesImportProcessor {
  private readonly logger = new Logger(SalesImportProcessor.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly plausibility: SalePlausibility,
    private readonly facts: RetailFactsService,
  ) {}

  async process(importId: string): Promise<SalesImport | null> {
    const imports = this.db.getRepository(SalesImport);
    const salesImport = await imports.findOneBy({ id: importId });
    if (
      !salesImport ||
      ![SalesImportStatus.QUEUED, SalesImportStatus.PROCESSING].includes(salesImport.status)
    ) {
      return salesImport;
    }
    const outlet = await this.db
      .getRepository(Outlet)
      .findOneByOrFail({ id: salesImport.outletId });
    await this.db.transaction(async (manager) => {
      await manager.delete(SalesImportError, { importId });
      await manager.update(
        SalesImport,
        { id: importId },
        {
          status: SalesImportStatus.PROCESSING,
          startedAt: salesImport.startedAt ?? new Date(),
          processedRows: 0,
          importedRows: 0,
          duplicateRows: 0,
          rejectedRows: 0,
          failureReason: null,
        },
      );
    });

    const runner = this.db.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    const progress: Progress = {
      processed: 0,
      imported: 0,
      duplicates: 0,
      rejected: 0,
      storedErrors: 0,
      earliest: Number.POSITIVE_INFINITY,
      latest: Number.NEGATIVE_INFINITY,
    };
    try {
      await client.query(STAGING_TABLE);
      const failure = await this.read(client, salesImport, outlet, progress);
      if (failure) {
        await this.fail(client, salesImport, progress, failure);
        return imports.findOneBy({ id: importId });
      }
      const [{ count, held }]: { count: number; held: number }[] = (
        await client.query(
          `SELECT count(*)::int AS count, count(*) FILTER (WHERE a.id IS NOT NULL)::int AS held
             FROM sale s LEFT JOIN sale_anomaly a ON a.sale_id = s.id
            WHERE s.import_id = $1`,
          [importId],
        )
      ).rows;
      const sold: { product_id: string; city_id: string }[] =
        count > 0
          ? await this.db.query(
              `SELECT DISTINCT sale.product_id, product.city_id
                 FROM sale JOIN product ON product.id = sale.product_id
                WHERE sale.import_id = $1 ORDER BY sale.product_id`,
              [importId],
            )
          : [];
      const latestPerProject: { project_id: string; id: string; sold_at: Date }[] =
        count > 0
          ? await this.db.query(
              `SELECT DISTINCT ON (product.project_id) product.project_id, sale.id, sale.sold_at
                 FROM sale JOIN product ON product.id = sale.product_id
                WHERE sale.import_id = $1 ORDER BY product.project_id, sale.sold_at DESC, sale.id DESC`,
              [importId],
            )
          : [];
      // The import completes and its events are written in one transaction: both or neither.
      await runner.startTransaction();
      try {
        await client.query(
          `UPDATE sales_import
              SET status = $2, finished_at = now(), updated_at = now(), processed_rows = $3,
                  imported_rows = $4, duplicate_rows = $5, rejected_rows = $6, held_rows = $7
            WHERE id = $1`,
          [
            importId,
            SalesImportStatus.COMPLETED,
            progress.processed,
            count,
            progress.processed - progress.rejected - count,
            progress.rejected,
            held,
          ],
        );
        await this.outbox.addAll(runner.manager, [
          ...this.events(outlet, sold, progress, latestPerProject),
          ...this.heldNotice(salesImport, outlet, held),
        ]);
        await runner.commitTransaction();
      } catch (error) {
        await runner.rollbackTransaction();
        throw error;
      }
      await this.db.getRepository(SalesImportChunk).delete({ importId });
      this.logger.log(
        { importId, processed: progress.processed, imported: count, rejected: progress.rejected },
        'sales import completed',
      );
      return imports.findOneBy({ id: importId });
    } finally {
      runner.release();
    }
  }

  /**
   * The coupling metrics of the outlet's and the products' cities moved in the quarters sold,
   * and sell-through moved for every product sold: matching rescores each.
   */
  private events(
    outlet: Outlet,
    sold: { product_id: string; city_id: string }[],
    progress: Progress,
    latestPerProject: { project_id: string; id: string; sold_at: Date }[],
  ): OutboxEntry<unknown>[] {
    if (sold.length === 0) return [];
    return [
      ...salesChanged({
        outletCityId: outlet.cityId,
        productCityIds: sold.map((row) => row.city_id),
        periods: periodsBetween(
          periodOf(new Date(progress.earliest)),
          periodOf(new Date(progress.latest)),
        ).map((period) => period.key),
        reason: 'sales imported',
      }),
      ...sold.map((row) => matchingChanged(MatchSubject.PRODUCT, row.product_id, 'sales imported')),
      // One SALE_RECORDED per project sold, naming its latest imported sale (incubation's
      // "first 1,000 units sold" reads the units to date), not one per row.
      ...latestPerProject.map((sale) =>
        projectEvent({
          kind: ProjectEventKind.SALE_RECORDED,
          projectId: sale.project_id,
          ref: sale.id,
          occurredAt: sale.sold_at,
        }),
      ),
    ];
  }

  /** Tells the city's officials how many rows of the import wait for their review. */
  private heldNotice(
    salesImport: SalesImport,
    outlet: Outlet,
    held: number,
  ): OutboxEntry<unknown>[] {
    if (!held) return [];
    return [
      saleAnomalyNotice({
        audience: SaleAnomalyAudience.CITY_OFFICIALS,
        ref: salesImport.id,
        cityId: outlet.cityId,
        organizationId: outlet.organizationId,
        title: `${held} imported sale${held === 1 ? ' was' : 's were'} held for your review`,
        body: `A bulk import at outlet “${outlet.name}” held ${held} implausible sale${held === 1 ? '' : 's'}: list them with saleAnomalies(status: OPEN).`,
        payload: { salesImportId: salesImport.id, outletId: outlet.id },
      }),
    ];
  }

  /** Marks an import FAILED for good (its job failed for good), keeping what it imported. */
  async giveUp(importId: string, reason: string): Promise<void> {
    await this.db
      .getRepository(SalesImport)
      .update(
        { id: importId, status: In([SalesImportStatus.QUEUED, SalesImportStatus.PROCESSING]) },
        { status: SalesImportStatus.FAILED, failureReason: reason, finishedAt: new Date() },
      );
  }

  /** Streams the file through; returns a file-level failure, or null when every row was read. */
  private async read(
    client: PoolClient,
    salesImport: SalesImport,
    outlet: Outlet,
    progress: Progress,
  ): Promise<RowError | null> {
    const windows = await this.placementWindows(outlet.id);
    const habits = await this.outletHabits(outlet.id, [...windows.keys()]);
    const productExists = productExistence(this.db);
    const skipped: RowError[] = [];
    const parser = parse({
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error: { lines?: number; message: string } | undefined) => {
        if (error) {
          skipped.push({
            line: error.lines ?? 0,
            field: null,
            reason: `not valid CSV: ${error.message}`,
          });
        }
      },
    });
    const source = Readable.from(this.chunks(salesImport.id, salesImport.chunkCount));
    const normalizer = new LineEndingNormalizer();
    source.on('error', (error) => parser.destroy(error));
    normalizer.on('error', (error) => parser.destroy(error));
    source.pipe(normalizer).pipe(parser);

    let header: SalesCsvHeader | null = null;
    let batch: StagedRow[] = [];
    let errors: RowError[] = [];
    const now = Date.now();
    // Records already parsed are handed over without returning to the event loop: yield to it
    // (timers, so the job's lock renewal; I/O) every few ms of CPU.
    const slices = new CpuSlices(20);
    const reject = (error: RowError) => {
      progress.rejected += 1;
      errors.push(error);
    };
    // csv-parse reports a record it skips as soon as it meets it, possibly before records that
    // are still buffered: a skip is handled once the records before it have been.
    const drainSkips = (beforeLine: number) => {
      while (skipped.length && skipped[0].line < beforeLine) {
        progress.processed += 1;
        reject(skipped.shift()!);
      }
    };
    // Double buffering: a batch is written while the next one is parsed. Batches still commit
    // one at a time, in file order, on the job's one connection.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      const [rows, rowErrors] = [batch, errors];
      batch = [];
      errors = [];
      await writing;
      writing = this.flush(client, salesImport, outlet, header!, rows, rowErrors, progress);
      writing.catch(() => undefined); // surfaced by the next await
    };

    try {
      for await (const { record, raw, info } of parser as AsyncIterable<CsvRecord>) {
        await slices.yield();
        const line = recordStartLine(info.lines, raw);
        if (!header) {
          const read = readSalesCsvHeader(record);
          if (typeof read === 'string') return { line, field: null, reason: read };
          header = read;
          // only skips before the data: csv-parse may already have skipped (and reported) a
          // bad data row while the header was still buffered
          while (skipped.length && skipped[0].line <= line) skipped.shift();
          continue;
        }
        drainSkips(line);
        progress.processed += 1;
        const result = readSalesCsvRow(record, header, now);
        const overHardCap =
          result.ok &&
          this.plausibility.overHardCap(
            result.row.quantity,
            result.row.unitPriceFen,
            `${header.names.quantity} × ${header.names.unit_price}`,
          );
        if (!result.ok) {
          reject({ line, field: result.field, reason: result.reason });
        } else if (overHardCap) {
          reject({ line, field: header.names.unit_price, reason: overHardCap });
        } else {
          const placementId = placementAt(windows, result.row.productId, result.row.soldAt);
          if (!placementId) {
            reject({
              line,
              field: header.names.product_id,
              reason: await unplacedReason(
                result.row,
                header.names.product_id,
                windows.has(result.row.productId.toLowerCase()),
                productExists,
              ),
            });
          } else {
            batch.push({ ...result.row, line, placementId, reasons: habits.reasons(result.row) });
            const at = result.row.soldAt.getTime();
            if (at < progress.earliest) progress.earliest = at;
            if (at > progress.latest) progress.latest = at;
          }
        }
        if (batch.length + errors.length >= SALES_IMPORT_BATCH_ROWS) await flush();
      }
    } catch (error) {
      const csvError = error as { code?: string; lines?: number; message: string };
      if (!csvError.code?.startsWith('CSV_')) {
        await writing.catch(() => undefined); // never leave a write running on the connection
        throw error;
      }
      if (!header)
        return {
          line: csvError.lines ?? 1,
          field: null,
          reason: `not valid CSV: ${csvError.message}`,
        };
      drainSkips(Number.MAX_SAFE_INTEGER);
      progress.processed += 1;
      reject({
        line: csvError.lines ?? 0,
        field: null,
        reason: `not valid CSV: ${csvError.message}; the rest of the file could not be read`,
      });
    }
    if (!header) {
      return {
        line: 1,
        field: null,
        reason: `the file is empty: it needs the header ${SALES_CSV_COLUMNS.join(',')}`,
      };
    }
    drainSkips(Number.MAX_SAFE_INTEGER);
    await flush();
    await writing;
    return null;
  }

  /** One transaction: COPY the batch to staging, insert new sales, store errors and progress. */
  private async flush(
    client: PoolClient,
    salesImport: SalesImport,
    outlet: Outlet,
    header: SalesCsvHeader,
    batch: StagedRow[],
    errors: RowError[],
    progress: Progress,
  ): Promise<void> {
    await client.query('BEGIN');
    try {
      if (batch.length) {
        // One write per batch: the rows as one CSV text (a few MB at most).
        await pipeline(
          Readable.from([stagingCsv(batch)]),
          client.query(
            copyFrom(
              'COPY sales_import_staging (line, external_id, product_id, placement_id, quantity, unit_price_fen, sold_at, reasons) FROM STDIN WITH (FORMAT csv)',
            ),
          ),
        );
        const overStockLines = await this.dropOverStock(client, outlet, header, batch, errors);
        progress.rejected += overStockLines;
        const inserted = await client.query(
          `INSERT INTO sale (outlet_id, product_id, placement_id, organization_id, city_id, quantity,
                             unit_price_fen, amount_fen, sold_at, external_id, import_id, recorded_by_user_id,
                             counted)
           SELECT $1, product_id, placement_id, $2, $3, quantity, unit_price_fen,
                  quantity::bigint * unit_price_fen, sold_at, external_id, $4, $5, reasons IS NULL
             FROM sales_import_staging
            ORDER BY line
           ON CONFLICT (outlet_id, external_id) DO NOTHING`,
          [
            outlet.id,
            outlet.organizationId,
            outlet.cityId,
            salesImport.id,
            salesImport.uploadedByUserId,
          ],
        );
        const insertedCount = inserted.rowCount ?? 0;
        if (insertedCount) {
          await this.facts.recordImportedBatch(client, outlet.id);
          if (batch.some((row) => row.reasons.length)) await this.holdImported(client, outlet.id);
        }
        // An external id the outlet already used for a different sale is an error, not a
        // duplicate. Only rows that were not inserted can be one.
        const clashes: { line: number; external_id: string }[] =
          insertedCount === batch.length
            ? []
            : (
                await client.query(
                  `SELECT st.line, st.external_id
                     FROM sales_import_staging st
                     JOIN sale s ON s.outlet_id = $1 AND s.external_id = st.external_id
                    WHERE (s.product_id, s.quantity, s.unit_price_fen, s.sold_at)
                          IS DISTINCT FROM (st.product_id, st.quantity, st.unit_price_fen, st.sold_at)
                    ORDER BY st.line`,
                  [outlet.id],
                )
              ).rows;
        progress.imported += insertedCount;
        progress.duplicates += batch.length - overStockLines - insertedCount - clashes.length;
        for (const clash of clashes) {
          progress.rejected += 1;
          errors.push({
            line: clash.line,
            field: header.names.external_id,
            reason: `${header.names.external_id}: ${clash.external_id} was already recorded at this outlet for a different sale`,
          });
        }
      }
      const room = MAX_STORED_IMPORT_ERRORS - progress.storedErrors;
      const kept = errors.sort((a, b) => a.line - b.line).slice(0, Math.max(room, 0));
      if (kept.length) {
        await client.query(
          `INSERT INTO sales_import_error (import_id, seq, line, field, reason)
           SELECT $1, $2 + ordinality, line, field, reason
             FROM unnest($3::int[], $4::text[], $5::text[]) WITH ORDINALITY AS e(line, field, reason)`,
          [
            salesImport.id,
            progress.storedErrors,
            kept.map((error) => error.line),
            kept.map((error) => error.field),
            kept.map((error) => error.reason),
          ],
        );
        progress.storedErrors += kept.length;
      }
      await client.query(
        `UPDATE sales_import SET processed_rows = $2, imported_rows = $3, duplicate_rows = $4,
                rejected_rows = $5, updated_at = now() WHERE id = $1`,
        [
          salesImport.id,
          progress.processed,
          progress.imported,
          progress.duplicates,
          progress.rejected,
        ],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /**
   * Takes out of staging the rows their product has no units left for (checked in file order,
   * as if recorded one by one; see SalePlausibility) and reports each with its line. The
   * products stay locked until the batch commits. Returns how many rows were dropped.
   */
  private async dropOverStock(
    client: PoolClient,
    outlet: Outlet,
    header: SalesCsvHeader,
    batch: StagedRow[],
    errors: RowError[],
  ): Promise<number> {
    const sql: SqlRows = async (text, params) => (await client.query(text, params)).rows;
    const room = await this.plausibility.lockStock(
      sql,
      batch.map((row) => row.productId),
    );
    // One unique-index lookup per staged row (OFFSET 0 keeps the lateral a nested loop): left
    // to itself the planner reads every sale of the outlet, which grows with its history.
    const recorded = await sql(
      `SELECT st.external_id FROM sales_import_staging st
        CROSS JOIN LATERAL (SELECT 1 FROM sale s
                             WHERE s.outlet_id = $1 AND s.external_id = st.external_id
                            OFFSET 0) found`,
      [outlet.id],
    );
    const refused = overStock(
      batch,
      room,
      new Set(recorded.map((row) => row.external_id as string)),
    );
    if (!refused.length) return 0;
    await client.query('DELETE FROM sales_import_staging WHERE line = ANY($1::int[])', [
      refused.map((refusal) => refusal.line),
    ]);
    for (const refusal of refused) {
      errors.push({
        line: refusal.line,
        field: header.names.quantity,
        reason: `${header.names.quantity}: ${overStockMessage(refusal)}`,
      });
    }
    return refused.length;
  }

  private async fail(
    client: PoolClient,
    salesImport: SalesImport,
    progress: Progress,
    failure: RowError,
  ): Promise<void> {
    await client.query(
      `INSERT INTO sales_import_error (import_id, seq, line, field, reason) VALUES ($1, $2, $3, $4, $5)`,
      [salesImport.id, progress.storedErrors + 1, failure.line, failure.field, failure.reason],
    );
    await client.query(
      `UPDATE sales_import SET status = $2, failure_reason = $3, finished_at = now(), updated_at = now()
        WHERE id = $1`,
      [salesImport.id, SalesImportStatus.FAILED, failure.reason],
    );
    await this.db.getRepository(SalesImportChunk).delete({ importId: salesImport.id });
  }

  /**
   * The staged file, one chunk (≈1 MiB) at a time, on a connection of its own (the job's
   * connection is busy writing batches meanwhile), in pieces of PARSE_PIECE_BYTES. The chunks
   * are cut at arbitrary bytes, so they stay bytes: csv-parse joins a character split between two
   * of them, as it decodes a field only once the field is complete.
   */
  private async *chunks(importId: string, count: number): AsyncGenerator<Buffer> {
    const runner = this.db.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      for (let seq = 0; seq < count; seq += 1) {
        // In text format (bytea as hex, parsed into a Buffer): node-postgres decodes every binary
        // result column as UTF-8 text, which breaks a character cut by the chunk boundary.
        const { rows }: QueryResult<{ data: Buffer }> = await client.query(
          'SELECT data FROM sales_import_chunk WHERE import_id = $1 AND seq = $2',
          [importId, seq],
        );
        if (!rows[0]) throw new Error(`chunk ${seq} of sales import ${importId} is missing`);
        yield* pieces(rows[0].data);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * The outlet's list prices and usual quantities of the products placed there, read once per
   * import (rows of the file do not make a habit for the rows after them), and the rule over them.
   */
  private async outletHabits(outletId: string, productIds: string[]) {
    const products = productIds.length
      ? await this.db.getRepository(Product).find({
          select: { id: true, retailPriceFen: true },
          where: { id: In(productIds) },
        })
      : [];
    const listPrice = new Map(products.map((product) => [product.id, product.retailPriceFen]));
    const usual: Map<string, UsualQuantity> = await this.plausibility.usualQuantities(
      (text, params) => this.db.query(text, params),
      outletId,
      productIds,
    );
    const thresholds = this.plausibility.thresholds;
    return {
      reasons: (row: SalesCsvRow): SaleAnomalyReasonValue[] => {
        const productId = row.productId.toLowerCase();
        return anomalyReasons(
          {
            quantity: row.quantity,
            unitPriceFen: row.unitPriceFen,
            listPriceFen: listPrice.get(productId) ?? 0,
            usual: usual.get(productId) ?? null,
          },
          thresholds,
        );
      },
    };
  }

  /**
   * Holds the rows this batch inserted that were implausible (inserted not counted): one OPEN
   * anomaly each, with the reasons of the first staged row of its external id (the one inserted).
   */
  private async holdImported(client: PoolClient, outletId: string): Promise<void> {
    await client.query(
      `INSERT INTO sale_anomaly (sale_id, city_id, outlet_id, organization_id, reasons)
       SELECT DISTINCT ON (s.id) s.id, s.city_id, s.outlet_id, s.organization_id, st.reasons
         FROM sales_import_staging st
         JOIN sale s ON s.outlet_id = $1 AND s.external_id = st.external_id
        WHERE st.reasons IS NOT NULL AND NOT s.counted AND s.xmin = pg_current_xact_id()::xid
        ORDER BY s.id, st.line`,
      [outletId],
    );
  }

  /** When each product was placed at the outlet (accepted placements, active or ended). */
  private async placementWindows(outletId: string): Promise<Map<string, PlacementWindow[]>> {
    const placements = await this.db
      .getRepository(Placement)
      .createQueryBuilder('placement')
      .where('placement.outlet_id = :outletId AND placement.activated_at IS NOT NULL', { outletId })
      .getMany();
    const windows = new Map<string, PlacementWindow[]>();
    for (const placement of placements) {
      const list = windows.get(placement.productId) ?? [];
      list.push({
        id: placement.id,
        from: placement.activatedAt!.getTime(),
        to: placement.closedAt?.getTime() ?? null,
      });
      windows.set(placement.productId, list);
    }
    return windows;
  }
}

function placementAt(
  windows: Map<string, PlacementWindow[]>,
  productId: string,
  soldAt: Date,
): string | null {
  const at = soldAt.getTime();
  const window = windows
    .get(productId.toLowerCase())
    ?.find((candidate) => candidate.from <= at && (candidate.to === null || at < candidate.to));
  return window?.id ?? null;
}

/** A chunk in pieces of about PARSE_PIECE_BYTES, each cut after a line end (never in a character). */
function* pieces(data: Buffer): Generator<Buffer> {
  for (let at = 0; at < data.length;) {
    const lineEnd = data.lastIndexOf('\n', at + PARSE_PIECE_BYTES);
    const end = lineEnd >= at ? lineEnd + 1 : data.length;
    yield data.subarray(at, end);
    at = end;
  }
}

function stagingCsv(rows: StagedRow[]): string {
  let text = '';
  for (const row of rows) {
    const reasons = row.reasons.length ? quoted(JSON.stringify(row.reasons)) : '';
    text += `${row.line},${quoted(row.externalId)},${row.productId},${row.placementId},${row.quantity},${row.unitPriceFen},${row.soldAt.toISOString()},${reasons}\n`;
  }
  return text;
}

/** A CSV field for COPY: quoted, with its quotes doubled (an unquoted empty field is NULL). */
function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
