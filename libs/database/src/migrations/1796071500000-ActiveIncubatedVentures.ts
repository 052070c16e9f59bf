import { MigrationInterface, QueryRunner } from 'typeorm';

const KEY = 'active_incubated_ventures';
const NOTE =
  'The default indicator system (DESIGN.md) with active incubated ventures (incubation), after sell-through in U2.';

interface Definition {
  indicators: { key: string }[];
  model: { subsystems: { name: string; indicators: { column: string; direction: string }[] }[] };
}

/**
 * A definition with `active_incubated_ventures` added to `talent_innovation` right after
 * `sell_through` (DESIGN.md's order; at the end when there is none). Pure, for the spec.
 */
export function withActiveIncubatedVentures<T extends Definition>(definition: T): T {
  const indicator = {
    key: KEY,
    label: 'Active incubated ventures',
    subsystem: 'talent_innovation',
    direction: 'positive',
    source: 'PLATFORM',
    aggregation: 'SUM',
    unit: 'ventures',
    description: null,
  };
  const insertAfter = <V>(list: V[], isAnchor: (item: V) => boolean, item: V): V[] => {
    const at = list.findIndex(isAnchor);
    return at < 0 ? [...list, item] : [...list.slice(0, at + 1), item, ...list.slice(at + 1)];
  };
  return {
    ...definition,
    indicators: insertAfter(definition.indicators, (i) => i.key === 'sell_through', indicator),
    model: {
      ...definition.model,
      subsystems: definition.model.subsystems.map((subsystem) =>
        subsystem.name === 'talent_innovation'
          ? {
              ...subsystem,
              indicators: insertAfter(subsystem.indicators, (i) => i.column === 'sell_through', {
                column: KEY,
                direction: 'positive',
              }),
            }
          : subsystem,
      ),
    },
  };
}

/**
 * Incubation's `active_incubated_ventures` joins the default indicator system as a NEW global
 * version (the next number); earlier versions stay as they are and readable. The new version
 * copies the latest global version row (whatever columns it has) and adds the indicator, so it
 * composes with other changes to the default system. Skipped when the latest already has it.
 * A stored basis and the current run are the old version's own: the new one fixes its basis
 * (with a goalpost for the new indicator) and makes its runs itself.
 */
export class ActiveIncubatedVentures1796071500000 implements MigrationInterface {
  name = 'ActiveIncubatedVentures1796071500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const [latest]: ({ id: string } & Definition)[] = await queryRunner.query(
      `SELECT id, model, indicators FROM indicator_system_version WHERE city_id IS NULL ORDER BY version DESC LIMIT 1`,
    );
    if (!latest || latest.indicators.some((indicator) => indicator.key === KEY)) return;
    const next = withActiveIncubatedVentures(latest);
    const columns: { column_name: string }[] = await queryRunner.query(
      `SELECT column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'indicator_system_version'
          AND column_name NOT IN ('id', 'version', 'model', 'indicators', 'note', 'created_at', 'created_by_id',
                                  'basis', 'current_run_id')`,
    );
    const copied = columns.map((column) => `"${column.column_name}"`).join(', ');
    await queryRunner.query(
      `INSERT INTO indicator_system_version (${copied}, "version", "model", "indicators", "note")
       SELECT ${copied}, (SELECT max(version) + 1 FROM indicator_system_version), $1, $2, $3
         FROM indicator_system_version WHERE id = $4`,
      [JSON.stringify(next.model), JSON.stringify(next.indicators), NOTE, latest.id],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM indicator_system_version WHERE note = $1`, [NOTE]);
  }
}
