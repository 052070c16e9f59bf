import {
  Args,
  ArgsType,
  Field,
  ID,
  Int,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CurrentViewer, Role, Roles, Viewer } from '@cc/auth';
import { ConnectionArgs, ConnectionType, LoaderRegistry, Loaders, ParseIdPipe } from '@cc/graphql';
import { Outlet } from '../outlet/outlet.entity';
import { RetailLoaders } from '../retail.loaders';
import { MAX_STORED_IMPORT_ERRORS } from './sales-import.processor';
import { canonicalSalesCsvColumn } from './sales-csv';
import { SalesImportError } from './sales-import-error.entity';
import { SalesImport } from './sales-import.entity';
import { salesImportSummary, SalesImportService } from './sales-import.service';

const MAX_ERRORS_PAGE = 500;

@ArgsType()
export class SalesImportsArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'An outlet of your organization.' })
  @IsUUID()
  outletId!: string;
}

@ObjectType()
export class SalesImportConnection extends ConnectionType(SalesImport) {}

@Resolver(() => SalesImport)
export class SalesImportResolver {
  constructor(
    private readonly salesImportService: SalesImportService,
    private readonly retail: RetailLoaders,
  ) {}

  @Roles(Role.RETAILER)
  @Query(() => SalesImport, {
    description:
      'A bulk sales import (uploaded to POST /retail/outlets/:outletId/sales-imports) and its progress.',
  })
  salesImport(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<SalesImport> {
    return this.salesImportService.getVisible(viewer, id);
  }

  @Roles(Role.RETAILER)
  @Query(() => SalesImportConnection, { description: "An outlet's imports, newest first." })
  salesImports(@Args() { outletId, ...page }: SalesImportsArgs, @CurrentViewer() viewer: Viewer) {
    return this.salesImportService.list(viewer, outletId, page);
  }

  @Roles(Role.RETAILER)
  @Mutation(() => SalesImport, {
    description:
      'Queues a FAILED import again (one that failed for an outage or a stalled worker; its file is still stored). Rows already imported are kept, not doubled.',
  })
  retrySalesImport(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<SalesImport> {
    return this.salesImportService.retry(viewer, id);
  }

  @ResolveField(() => [SalesImportError], {
    description: `Bad rows by line number, with the reason; page with afterLine. The first ${MAX_STORED_IMPORT_ERRORS} found are kept (rejectedRows counts all).`,
  })
  errors(
    @Parent() salesImport: SalesImport,
    @Args('first', { type: () => Int, defaultValue: 100, description: 'At most 500.' })
    first: number,
    @Args('afterLine', { type: () => Int, defaultValue: 0 }) afterLine: number,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<SalesImportError[]> {
    const page = { first: Math.min(Math.max(first, 0), MAX_ERRORS_PAGE), afterLine };
    return this.retail.importErrors(loaders, page).load(salesImport.id);
  }

  @ResolveField(() => String, { description: 'Where the import stands, in one sentence.' })
  summary(@Parent() salesImport: SalesImport): string {
    return salesImportSummary(salesImport);
  }

  @ResolveField(() => Outlet)
  outlet(@Parent() salesImport: SalesImport, @Loaders() loaders: LoaderRegistry) {
    return this.retail.outlet(loaders).load(salesImport.outletId);
  }
}

@Resolver(() => SalesImportError)
export class SalesImportErrorResolver {
  @ResolveField(() => String, {
    nullable: true,
    description:
      'The canonical column at fault (external_id, product_id, quantity, unit_price or sold_at), whatever the header called it.',
  })
  column(@Parent() error: SalesImportError): string | null {
    return error.field === null ? null : canonicalSalesCsvColumn(error.field);
  }
}
