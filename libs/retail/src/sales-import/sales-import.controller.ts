import {
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Req,
  UploadedFile,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { RateLimit } from '@cc/auth';
import type { Request } from 'express';
import { RetailErrorCode, RetailException } from '../retail.exception';
import { RetailHttpExceptionFilter } from './retail-http-exception.filter';
import { SalesImport } from './sales-import.entity';
import { salesImportSummary, SalesImportService } from './sales-import.service';
import { StagedUpload } from './sales-import.storage';
import { UPLOAD_CONTEXT, UploadContext, SalesImportUploadGuard } from './sales-import-upload.guard';

type UploadRequest = Request & { [UPLOAD_CONTEXT]: UploadContext };

/**
 * Bulk sales upload: `POST /retail/outlets/:outletId/sales-imports`, multipart/form-data with
 * the CSV in a part named `file`, `Authorization: Bearer <access token>` of a member of the
 * outlet's RETAILER organization. The file streams into staging; the answer (202) carries the
 * import id to follow with the GraphQL query `salesImport(id)` or GET on the same path + `/:id`.
 */
@Controller('retail/outlets/:outletId/sales-imports')
@UseGuards(SalesImportUploadGuard)
@UseFilters(RetailHttpExceptionFilter)
export class SalesImportController {
  constructor(private readonly salesImports: SalesImportService) {}

  @Post()
  @HttpCode(202)
  @RateLimit('upload')
  @UseInterceptors(FileInterceptor('file'))
  async upload(@UploadedFile() file: StagedUpload | undefined) {
    if (!file?.importId) {
      throw RetailException.invalid(
        RetailErrorCode.INVALID_UPLOAD,
        'file',
        'send the CSV as multipart/form-data, in a part named "file"',
      );
    }
    return view(await this.salesImports.enqueue(file.importId));
  }

  @Get(':importId')
  async status(@Req() req: UploadRequest, @Param('importId') importId: string) {
    if (!/^[0-9a-f-]{36}$/i.test(importId)) {
      throw RetailException.invalid(
        RetailErrorCode.SALES_IMPORT_NOT_FOUND,
        'importId',
        'importId must be a UUID',
      );
    }
    const salesImport = await this.salesImports.getVisible(req[UPLOAD_CONTEXT].viewer, importId);
    if (salesImport.outletId !== req[UPLOAD_CONTEXT].outlet.id) {
      throw RetailException.notFound(
        RetailErrorCode.SALES_IMPORT_NOT_FOUND,
        'SalesImport',
        importId,
      );
    }
    const errors = await this.salesImports.errorsOf(importId, 100);
    return {
      ...view(salesImport),
      errors: errors.map(({ line, field, reason }) => ({ line, field, reason })),
    };
  }
}

function view(salesImport: SalesImport) {
  return {
    id: salesImport.id,
    outletId: salesImport.outletId,
    status: salesImport.status,
    fileName: salesImport.fileName,
    byteSize: salesImport.byteSize,
    sha256: salesImport.sha256,
    sameFileAsImportId: salesImport.sameFileAsImportId,
    processedRows: salesImport.processedRows,
    importedRows: salesImport.importedRows,
    duplicateRows: salesImport.duplicateRows,
    rejectedRows: salesImport.rejectedRows,
    failureReason: salesImport.failureReason,
    summary: salesImportSummary(salesImport),
    statusPath: `/retail/outlets/${salesImport.outletId}/sales-imports/${salesImport.id}`,
  };
}
