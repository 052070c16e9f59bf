import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { ManufacturerRecord } from './manufacturer-record.entity';

/** Increments a manufacturer's record inside the caller's transaction (upsert, no read-modify-write). */
@Injectable()
export class ManufacturerRecords {
  constructor(
    @InjectRepository(ManufacturerRecord) private readonly records: Repository<ManufacturerRecord>,
  ) {}

  async addReview(manager: EntityManager, organizationId: string, scoreSum: number): Promise<void> {
    await manager.query(
      `INSERT INTO manufacturer_record (organization_id, review_count, score_sum) VALUES ($1, 1, $2)
       ON CONFLICT (organization_id) DO UPDATE SET
         review_count = manufacturer_record.review_count + 1,
         score_sum = manufacturer_record.score_sum + EXCLUDED.score_sum,
         updated_at = now()`,
      [organizationId, scoreSum],
    );
  }

  async addDelivery(
    manager: EntityManager,
    organizationId: string,
    onTime: boolean,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO manufacturer_record (organization_id, delivered_orders, on_time_orders) VALUES ($1, 1, $2)
       ON CONFLICT (organization_id) DO UPDATE SET
         delivered_orders = manufacturer_record.delivered_orders + 1,
         on_time_orders = manufacturer_record.on_time_orders + EXCLUDED.on_time_orders,
         updated_at = now()`,
      [organizationId, onTime ? 1 : 0],
    );
  }

  async of(organizationIds: readonly string[]): Promise<Map<string, ManufacturerRecord>> {
    const rows = organizationIds.length
      ? await this.records.findBy({ organizationId: In([...organizationIds]) })
      : [];
    return new Map(rows.map((row) => [row.organizationId, row]));
  }
}
