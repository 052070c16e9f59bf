import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@cc/catalog';
import { Project } from './project/project.entity';
import { ProjectResolver } from './project/project.resolver';
import { ProjectService } from './project/project.service';

@Module({
  imports: [TypeOrmModule.forFeature([Project]), CatalogModule],
  providers: [ProjectService, ProjectResolver],
  exports: [ProjectService],
})
export class MarketplaceModule {}
