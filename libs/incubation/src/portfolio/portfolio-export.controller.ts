import { Controller, Get, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { once } from 'node:events';
import { IncubationErrorCode, IncubationException } from '../incubation.exception';
import { IncubationHttpExceptionFilter } from './incubation-http-exception.filter';
import { portfolioCsvHeader, portfolioCsvRow } from './portfolio-csv';
import { EXPORT_VIEWER, ExportRequest, PortfolioExportGuard } from './portfolio-export.guard';
import { PortfolioService } from './portfolio.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidParam(name: string, value: unknown, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw IncubationException.invalid(
      IncubationErrorCode.INVALID_FILTER,
      name,
      `${name} must be a UUID`,
    );
  }
  return value;
}

/**
 * `GET /incubation/portfolio.csv?incubatorId=<id>[&cohortId=<id>]` with
 * `Authorization: Bearer <access token>` of a member of the INCUBATOR organization: the
 * portfolio (teams holding a seat, in admission order) as CSV, streamed in batches of 50 teams.
 */
@Controller('incubation')
@UseGuards(PortfolioExportGuard)
@UseFilters(IncubationHttpExceptionFilter)
export class PortfolioExportController {
  constructor(private readonly portfolio: PortfolioService) {}

  @Get('portfolio.csv')
  async export(
    @Req() req: ExportRequest,
    @Res() res: Response,
    @Query('incubatorId') incubatorIdParam: unknown,
    @Query('cohortId') cohortIdParam: unknown,
  ): Promise<void> {
    const incubatorId = uuidParam('incubatorId', incubatorIdParam, true)!;
    const cohortId = uuidParam('cohortId', cohortIdParam, false);
    const batches = this.portfolio.batches(req[EXPORT_VIEWER]!, incubatorId, cohortId);
    // The first batch runs the access checks, before any byte is sent.
    const first = await batches.next();
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="portfolio.csv"');
    await write(res, portfolioCsvHeader());
    if (!first.done) {
      for (const entry of first.value) await write(res, portfolioCsvRow(entry));
      for await (const batch of batches) {
        for (const entry of batch) await write(res, portfolioCsvRow(entry));
      }
    }
    res.end();
  }
}

/** Writes and waits for the socket to drain when its buffer is full (backpressure). */
async function write(res: Response, chunk: string): Promise<void> {
  if (!res.write(chunk)) await once(res, 'drain');
}
