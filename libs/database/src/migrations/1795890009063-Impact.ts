import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The default indicator system of DESIGN.md, seeded as version 1 (global, quarterly). It holds
 * the platform indicators whose data the platform will hold; "active incubated ventures" stays out
 * until incubation exists (adding it makes a new version). Frozen here: never edit; a change is a
 * new version created through `createIndicatorSystemVersion`.
 */
export const DEFAULT_INDICATOR_SYSTEM_V1 = {
  subsystems: [
    { name: 'cultural_soft_power', label: 'U1 Urban cultural soft power' },
    { name: 'talent_innovation', label: 'U2 Talent innovation & entrepreneurship' },
  ],
  indicators: [
    [
      'resource_activation',
      'Cultural-resource activation',
      'cultural_soft_power',
      'RATIO',
      'share',
    ],
    ['creative_sales_revenue', 'Creative sales revenue', 'cultural_soft_power', 'SUM', 'CNY'],
    ['products_in_market', 'Products in market', 'cultural_soft_power', 'SUM', 'products'],
    ['brand_reach', 'Brand reach', 'cultural_soft_power', 'SUM', 'brand × outlet pairs'],
    ['scene_coverage', 'Scene coverage', 'cultural_soft_power', 'SUM', 'outlets'],
    ['projects_published', 'Projects published', 'talent_innovation', 'SUM', 'projects'],
    ['bids_awarded', 'Bids awarded', 'talent_innovation', 'SUM', 'bids'],
    ['sell_through', 'Sell-through', 'talent_innovation', 'RATIO', 'share'],
    ['cross_disciplinary_share', 'Cross-disciplinary share', 'talent_innovation', 'RATIO', 'share'],
    ['local_culture_share', 'Local-culture share', 'talent_innovation', 'RATIO', 'share'],
    ['talent_earnings', 'Talent earnings', 'talent_innovation', 'SUM', 'CNY'],
  ].map(([key, label, subsystem, aggregation, unit]) => ({
    key,
    label,
    subsystem,
    direction: 'positive',
    source: 'PLATFORM',
    aggregation,
    unit,
    description: null,
  })),
  model: {
    subsystems: [
      {
        name: 'cultural_soft_power',
        indicators: [
          'resource_activation',
          'creative_sales_revenue',
          'products_in_market',
          'brand_reach',
          'scene_coverage',
        ].map((column) => ({ column, direction: 'positive' })),
      },
      {
        name: 'talent_innovation',
        indicators: [
          'projects_published',
          'bids_awarded',
          'sell_through',
          'cross_disciplinary_share',
          'local_culture_share',
          'talent_earnings',
        ].map((column) => ({ column, direction: 'positive' })),
      },
    ],
    standardization: { method: 'minmax', range: [0.01, 0.99] },
    indicatorWeights: { method: 'entropy' },
    scoreScale: 1,
    scoreStandardization: { method: 'none' },
    subsystemWeights: { method: 'equal' },
    coupling: { variant: 'standard', productFloor: 0 },
  },
};

export class Impact1795890009063 implements MigrationInterface {
  name = 'Impact1795890009063';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."period_granularity" AS ENUM('MONTH', 'QUARTER', 'YEAR')`,
    );
    await queryRunner.query(
      `CREATE TABLE "indicator_system_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "city_id" uuid, "period_granularity" "public"."period_granularity" NOT NULL DEFAULT 'QUARTER', "model" jsonb NOT NULL, "subsystems" jsonb NOT NULL, "indicators" jsonb NOT NULL, "note" text, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b853cfa4af4f7020b93e601612c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_118ebfffbf52e2b9138de01e28" ON "indicator_system_version"  ("version") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b9ed8df7456a53d6ffe9bd8bb4" ON "indicator_system_version"  ("city_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."coupling_snapshot_status" AS ENUM('LIVE', 'PUBLISHED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "coupling_snapshot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "city_id" uuid NOT NULL, "period" text NOT NULL, "granularity" "public"."period_granularity" NOT NULL, "period_start" TIMESTAMP WITH TIME ZONE NOT NULL, "system_version_id" uuid NOT NULL, "revision" integer NOT NULL, "status" "public"."coupling_snapshot_status" NOT NULL DEFAULT 'LIVE', "raw_values" jsonb NOT NULL, "standardized_values" jsonb NOT NULL, "frozen" jsonb NOT NULL, "scores" jsonb NOT NULL, "subsystem_values" jsonb NOT NULL, "coupling_degree" double precision NOT NULL, "coordination_index" double precision NOT NULL, "coordination_degree" double precision NOT NULL, "level" text NOT NULL, "obstacles" jsonb NOT NULL, "obstacles_normalized" jsonb NOT NULL, "trace" jsonb NOT NULL, "panel" jsonb NOT NULL, "warnings" jsonb NOT NULL DEFAULT '[]', "content_hash" text NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "published_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_562fcc58de6dab532cef1afc819" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_312acd21d72044d9612d14d17e" ON "coupling_snapshot"  ("system_version_id", "period", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_coupling_snapshot_live" ON "coupling_snapshot"  ("city_id", "period", "system_version_id") WHERE "status" = 'LIVE'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_99a9d576e6a38a6d0f97a48a30" ON "coupling_snapshot"  ("city_id", "period", "system_version_id", "revision") `,
    );
    await queryRunner.query(
      `CREATE TABLE "project_contribution" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "snapshot_id" uuid NOT NULL, "project_id" uuid NOT NULL, "city_id" uuid NOT NULL, "period" text NOT NULL, "granularity" "public"."period_granularity" NOT NULL, "system_version_id" uuid NOT NULL, "raw_parts" jsonb NOT NULL, "delta_u" jsonb NOT NULL, "delta_c" double precision NOT NULL, "delta_t" double precision NOT NULL, "delta_d" double precision NOT NULL, CONSTRAINT "PK_fb9796a2aef161a5bcd450a0fbd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_faa7dd7b5738ef999539b569fc" ON "project_contribution"  ("city_id", "period", "system_version_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3a2a36444a7acc711985a29802" ON "project_contribution"  ("project_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_735062eb17880d92b1590d3fa6" ON "project_contribution"  ("snapshot_id", "project_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "statistic_import" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "imported_by_id" uuid, "rows_read" integer NOT NULL, "rows_accepted" integer NOT NULL, "rows_rejected" integer NOT NULL, "values_inserted" integer NOT NULL, "values_updated" integer NOT NULL, "values_unchanged" integer NOT NULL, "errors" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_efe666896d7fcce0b10af414d3f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "official_statistic" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "city_id" uuid NOT NULL, "period" text NOT NULL, "granularity" "public"."period_granularity" NOT NULL, "period_start" TIMESTAMP WITH TIME ZONE NOT NULL, "indicator" text NOT NULL, "value" double precision NOT NULL, "import_id" uuid NOT NULL, CONSTRAINT "PK_6d70dff943bc58e1af27ad6a880" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3dba68aee6062070afebc1de1f" ON "official_statistic"  ("granularity", "indicator") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_7a89e6dd5ceabe7ac319b5a805" ON "official_statistic"  ("city_id", "period", "indicator") `,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_system_version" ADD CONSTRAINT "FK_b9ed8df7456a53d6ffe9bd8bb43" FOREIGN KEY ("city_id") REFERENCES "city"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "coupling_snapshot" ADD CONSTRAINT "FK_8f4c5d548bb752cc9a7a6858575" FOREIGN KEY ("city_id") REFERENCES "city"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "coupling_snapshot" ADD CONSTRAINT "FK_723400c6c2f4f84ede2fd92053e" FOREIGN KEY ("system_version_id") REFERENCES "indicator_system_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "project_contribution" ADD CONSTRAINT "FK_b5f7164dc420f2a0c41ab4dca74" FOREIGN KEY ("snapshot_id") REFERENCES "coupling_snapshot"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "official_statistic" ADD CONSTRAINT "FK_972070e7ba4062eaad6b3eae610" FOREIGN KEY ("city_id") REFERENCES "city"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "official_statistic" ADD CONSTRAINT "FK_18496c9051b6ea595b7abfa10a4" FOREIGN KEY ("import_id") REFERENCES "statistic_import"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    const seed = DEFAULT_INDICATOR_SYSTEM_V1;
    await queryRunner.query(
      `INSERT INTO "indicator_system_version" ("version", "city_id", "period_granularity", "model", "subsystems", "indicators", "note")
       VALUES (1, NULL, 'QUARTER', $1, $2, $3, $4)`,
      [
        JSON.stringify(seed.model),
        JSON.stringify(seed.subsystems),
        JSON.stringify(seed.indicators),
        'The default indicator system (DESIGN.md), without active incubated ventures until incubation data exists.',
      ],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "official_statistic" DROP CONSTRAINT "FK_18496c9051b6ea595b7abfa10a4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "official_statistic" DROP CONSTRAINT "FK_972070e7ba4062eaad6b3eae610"`,
    );
    await queryRunner.query(
      `ALTER TABLE "project_contribution" DROP CONSTRAINT "FK_b5f7164dc420f2a0c41ab4dca74"`,
    );
    await queryRunner.query(
      `ALTER TABLE "coupling_snapshot" DROP CONSTRAINT "FK_723400c6c2f4f84ede2fd92053e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "coupling_snapshot" DROP CONSTRAINT "FK_8f4c5d548bb752cc9a7a6858575"`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_system_version" DROP CONSTRAINT "FK_b9ed8df7456a53d6ffe9bd8bb43"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_7a89e6dd5ceabe7ac319b5a805"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3dba68aee6062070afebc1de1f"`);
    await queryRunner.query(`DROP TABLE "official_statistic"`);
    await queryRunner.query(`DROP TABLE "statistic_import"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_735062eb17880d92b1590d3fa6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3a2a36444a7acc711985a29802"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_faa7dd7b5738ef999539b569fc"`);
    await queryRunner.query(`DROP TABLE "project_contribution"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_99a9d576e6a38a6d0f97a48a30"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_coupling_snapshot_live"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_312acd21d72044d9612d14d17e"`);
    await queryRunner.query(`DROP TABLE "coupling_snapshot"`);
    await queryRunner.query(`DROP TYPE "public"."coupling_snapshot_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b9ed8df7456a53d6ffe9bd8bb4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_118ebfffbf52e2b9138de01e28"`);
    await queryRunner.query(`DROP TABLE "indicator_system_version"`);
    await queryRunner.query(`DROP TYPE "public"."period_granularity"`);
  }
}
