import { DAY_MS, quartersEndingAt } from '../calendar';
import { Random } from '../random';
import { CityRef, SeedContext, TalentRef, TeamRef, World } from '../seed-context';
import { ProjectGenerator } from './project.generator';

/** Projects per city at scale 1 is this times the city's weight (Shenyang 0.4 → 400). */
const PROJECTS_AT_SCALE_1 = 1000;
const PRE_HISTORY_QUARTERS = 2;

/**
 * The natural history of every city: projects created over the eight quarters (more each
 * quarter as the platform grows), each run through its story by the `ProjectGenerator`.
 * Streams: rows are flushed as they pile up, so memory stays flat at any scale.
 */
export async function generateHistory(
  context: SeedContext,
  world: World,
  projects: ProjectGenerator,
  onProject: () => void,
): Promise<void> {
  const random = context.random.fork('history');
  const talentsByCity = groupBy(world.talents, (t) => t.cityId);
  const teamsByCity = groupBy(world.teams, (t) => t.cityId);
  const talentById = new Map(world.talents.map((t) => [t.userId, t]));
  // Two quarters before the history, so products are already in market when it starts.
  const quarters = quartersEndingAt(context.now, context.quarters.length + PRE_HISTORY_QUARTERS);
  const now = context.now.getTime();
  const origin = quarters[0].start.getTime();

  for (const city of world.cities) {
    const growth = city.code === 'shenyang' ? 0.22 : random.real(0.02, 0.2);
    const quarterWeights = quarters.map((quarter, i) => {
      const open = Math.min(quarter.end.getTime(), now) - quarter.start.getTime();
      return [
        i,
        (1 + growth * i) * (open / (quarter.end.getTime() - quarter.start.getTime())),
      ] as const;
    });
    const count = Math.round(PROJECTS_AT_SCALE_1 * context.scale * city.weight);
    const talents = talentsByCity.get(city.id) ?? [];
    const teams = teamsByCity.get(city.id) ?? [];
    for (let n = 0; n < count; n += 1) {
      const quarter = quarters[random.weighted(quarterWeights)];
      const end = Math.min(quarter.end.getTime(), now - DAY_MS);
      const createdAt = new Date(
        quarter.start.getTime() + Math.floor(random.next() * (end - quarter.start.getTime())),
      );
      const progress = (createdAt.getTime() - origin) / (now - origin);
      const team = random.chance(0.5) && teams.length ? random.pick(teams) : null;
      const owner: TalentRef = team
        ? talentById.get(random.pick(team.memberUserIds))!
        : random.pick(talents);
      projects.generate(
        {
          city,
          owner,
          team: team as TeamRef | null,
          resources: chooseResources(random, city, world, progress),
          plot: { kind: 'natural' },
        },
        createdAt,
      );
      onProject();
      await context.writer.flushIfFull();
    }
  }
}

/**
 * One or two of the city's resources (sometimes none, sometimes another city's). Resources of
 * the flagging district are picked less and less as time goes on.
 */
function chooseResources(
  random: Random,
  city: CityRef,
  world: World,
  progress: number,
): CityRef['resources'] {
  const roll = random.next();
  if (roll < 0.05) return [];
  if (roll < 0.1) {
    // Once a resource of another city; a project links only its own city's resources (the
    // join table's foreign key), so now one of its own outside the flagging district.
    random.pick(world.cities.filter((c) => c.id !== city.id));
    return [random.pick(city.resources.filter((r) => r.districtId !== world.flaggingDistrictId))];
  }
  for (let attempt = 0; ; attempt += 1) {
    const chosen = random.sample(
      city.resources,
      random.weighted([
        [1, 3],
        [2, 1],
      ] as const),
    );
    const flagging = chosen.some((r) => r.districtId === world.flaggingDistrictId);
    if (!flagging || random.chance(1 - 0.85 * progress) || attempt >= 5) {
      return flagging && attempt >= 5
        ? chosen.filter((r) => r.districtId !== world.flaggingDistrictId)
        : chosen;
    }
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}
