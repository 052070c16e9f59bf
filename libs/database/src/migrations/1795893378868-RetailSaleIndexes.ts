import { MigrationInterface, QueryRunner } from 'typeorm';

export class RetailSaleIndexes1795893378868 implements MigrationInterface {
  name = 'RetailSaleIndexes1795893378868';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_d9ec9c6686f750b9cd26f4f378"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_sale_import" ON "sale"  ("import_id") WHERE "import_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_391bff30c42ca980312b9ac7f8" ON "sale"  ("outlet_id", "sold_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_391bff30c42ca980312b9ac7f8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sale_import"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_d9ec9c6686f750b9cd26f4f378" ON "sale" USING btree ("organization_id", "sold_at") `,
    );
  }
}
