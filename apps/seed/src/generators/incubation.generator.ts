import { Client } from 'pg';
import { addDays, DAY_MS, Quarter } from '../calendar';
import { Random } from '../random';
import { SeedContext, stamps, TeamRef, World } from '../seed-context';
import { IncubationFacts, PlatformEvent } from './incubation.facts';

const CST_OFFSET_MS = 8 * 3600_000;
/** The cohort day (YYYY-MM-DD, China Standard Time) an instant falls on. */
const cstDay = (at: Date): string =>
  new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);

type ApplicationState = 'SUBMITTED' | 'ADMITTED' | 'REJECTED' | 'WITHDRAWN' | 'GRADUATED';

interface CohortPlan {
  programId: string;
  name: string;
  /** Quarters the cohort runs through (its report periods). */
  quarters: Quarter[];
  endsOn: string;
  capacity: number;
  focusDisciplines: string[];
  focusResourceKinds: string[];
  /** Applicant teams by the state their application reaches. */
  teams: [ApplicationState, TeamRef][];
}

interface SeededApplication {
  id: string;
  cohortId: string;
  team: TeamRef;
  projectIds: string[];
  state: ApplicationState;
  admittedAt: Date | null;
  endedAt: Date | null;
}

const PLATFORM_MILESTONES = [
  ['PROTOTYPE', 'Prototype sample approved', 'SAMPLE_APPROVED', 60],
  ['FIRST_PRODUCTION_ORDER', 'First production order', 'BID_ACCEPTED', 45],
  ['FIRST_PLACEMENT', 'First placement at an outlet', 'PLACEMENT_STARTED', 150],
  ['FIRST_1000_UNITS_SOLD', 'First 1,000 units sold', 'SALE_RECORDED', 330],
] as const;
const CUSTOM_MILESTONES = [
  ['Pitch at the Shenyang Culture Expo', 90, 'Jury notes and pitch deck'],
  ['Brand book and packaging signed off', 120, 'Brand book v1 approved by the mentors'],
] as const;
const METRICS = [
  ['REVENUE', 'Revenue', 'CNY'],
  ['UNITS_SOLD', 'Units sold', 'units'],
  ['JOBS_CREATED', 'Jobs created', 'jobs'],
] as const;

/**
 * The demo incubator's book (libs/incubation/README.md): two programs of the Shenyang
 * makerspace, a past cohort whose teams graduated and a current one (admitted teams, one
 * withdrawn, two submitted, one rejected), milestones of every kind — platform ones ticked by
 * the events the history really holds, custom ones marked by hand or overdue — and quarterly
 * KPI reports whose platform-derived values are the sales the history wrote, with one report
 * left overdue. Runs after the history is flushed: it reads the teams' projects and sales back
 * (ordered, so the same seed gives the same rows).
 */
export async function generateIncubation(
  context: SeedContext,
  world: World,
  client: Pick<Client, 'query'>,
): Promise<void> {
  const random = context.random.fork('incubation');
  const facts = new IncubationFacts(client);
  const incubator = world.demo.incubator;
  const teamsById = new Map(world.teams.map((team) => [team.id, team]));
  const ranked = (await facts.teamsBySales(incubator.cityId))
    .map((row) => ({ team: teamsById.get(row.teamId)!, projectIds: row.projectIds }))
    .filter((row) => row.team);
  // The demo talent's team is in the current cohort whenever it has projects.
  ranked.sort(
    (a, b) => Number(b.team.id === world.demo.teamId) - Number(a.team.id === world.demo.teamId),
  );
  const projectsOf = new Map(ranked.map((row) => [row.team.id, row.projectIds]));
  const pool = ranked.map((row) => row.team);
  const take = (n: number) => pool.splice(0, n);
  const q = context.quarters;

  const programs = [
    ['Industrial Heritage Design Camp', 'Turning Tiexi’s factories into products and brands.'],
    ['Palace Culture Accelerator', 'Qing palace collections as licensed creative goods.'],
  ].map(([name, description]) => {
    const id = random.uuid();
    context.add('incubation_program', {
      ...stamps(id, addDays(q[0].start, 10)),
      organization_id: incubator.organizationId,
      city_id: incubator.cityId,
      name: `${name} ${q[1].year}`,
      description,
      created_by_user_id: incubator.ownerUserId,
    });
    return id;
  });

  const current = take(5);
  const past = take(4);
  const plans: CohortPlan[] = [
    {
      programId: programs[0],
      name: `Cohort ${q[1].key}`,
      quarters: q.slice(1, 5),
      endsOn: cstDay(new Date(q[4].end.getTime() - 1)),
      capacity: 6,
      focusDisciplines: ['PRODUCT_DESIGN', 'TRADITIONAL_CRAFTS'],
      focusResourceKinds: ['INDUSTRIAL_HERITAGE'],
      teams: [
        ...past.map((team) => ['GRADUATED', team] as [ApplicationState, TeamRef]),
        ...take(1).map((team) => ['WITHDRAWN', team] as [ApplicationState, TeamRef]),
        ...take(1).map((team) => ['REJECTED', team] as [ApplicationState, TeamRef]),
      ],
    },
    {
      programId: programs[1],
      name: `Cohort ${q[5].key}`,
      quarters: q.slice(5),
      endsOn: cstDay(addDays(q[7].end, 180)),
      capacity: 8,
      focusDisciplines: ['PRODUCT_DESIGN', 'CULTURAL_HERITAGE_HISTORY', 'DIGITAL_TECHNOLOGY'],
      focusResourceKinds: ['PALACE_QING_CULTURE', 'FOLK_CULTURE'],
      teams: [
        ...current.map((team) => ['ADMITTED', team] as [ApplicationState, TeamRef]),
        ...take(1).map((team) => ['WITHDRAWN', team] as [ApplicationState, TeamRef]),
        ...take(2).map((team) => ['SUBMITTED', team] as [ApplicationState, TeamRef]),
        ...take(1).map((team) => ['REJECTED', team] as [ApplicationState, TeamRef]),
      ],
    },
  ];

  for (const plan of plans) {
    const cohortId = random.uuid();
    const start = plan.quarters[0].start;
    const endsAt = new Date(
      new Date(`${plan.endsOn}T00:00:00Z`).getTime() - CST_OFFSET_MS + DAY_MS,
    );
    const seated = plan.teams.filter(([state]) => state === 'ADMITTED' || state === 'GRADUATED');
    context.add('incubation_cohort', {
      ...stamps(cohortId, addDays(start, -60)),
      program_id: plan.programId,
      organization_id: incubator.organizationId,
      city_id: incubator.cityId,
      name: plan.name,
      starts_on: cstDay(start),
      ends_on: plan.endsOn,
      capacity: plan.capacity,
      admitted_count: seated.length,
      focus_disciplines: plan.focusDisciplines,
      focus_resource_kinds: plan.focusResourceKinds,
      kpi_cadence: 'QUARTER',
    });
    const applications = plan.teams.map(([state, team]) =>
      writeApplication(context, random, incubator.ownerUserId, {
        cohortId,
        team,
        projectIds: projectsOf.get(team.id)!,
        state,
        start,
        endsAt: endsAt.getTime() <= context.now.getTime() ? endsAt : null,
      }),
    );
    const milestones = writeMilestones(context, random, cohortId, start, incubator.ownerUserId);
    const inCohort = applications.filter((a) => a.admittedAt);
    for (const application of inCohort) {
      await completeMilestones(
        context,
        random,
        facts,
        application,
        milestones,
        incubator.ownerUserId,
      );
    }
    await writeReports(context, random, facts, cohortId, plan.quarters, inCohort);
  }
}

function writeApplication(
  context: SeedContext,
  random: Random,
  reviewerUserId: string,
  spec: {
    cohortId: string;
    team: TeamRef;
    projectIds: string[];
    state: ApplicationState;
    start: Date;
    endsAt: Date | null;
  },
): SeededApplication {
  const id = random.uuid();
  const appliedAt = addDays(spec.start, -random.int(30, 50));
  const decidedAt = spec.state === 'SUBMITTED' ? null : addDays(appliedAt, random.int(3, 14));
  const admitted =
    spec.state === 'ADMITTED' || spec.state === 'GRADUATED' || spec.state === 'WITHDRAWN';
  const admittedAt = admitted ? decidedAt : null;
  const endedAt =
    spec.state === 'GRADUATED'
      ? spec.endsAt
      : spec.state === 'WITHDRAWN'
        ? addDays(spec.start, random.int(40, 80))
        : null;
  const note = {
    SUBMITTED: null,
    ADMITTED: 'Strong local-culture angle; a seat with mentoring on retail placement.',
    GRADUATED: 'Admitted: a clear production plan.',
    WITHDRAWN: 'Admitted: promising prototype.',
    REJECTED: 'Not this time: the pitch needs a production partner and a first prototype.',
  }[spec.state];
  context.add('incubation_application', {
    ...stamps(id, appliedAt, endedAt ?? decidedAt ?? appliedAt),
    cohort_id: spec.cohortId,
    team_id: spec.team.id,
    applicant_user_id: spec.team.leadUserId,
    project_ids: spec.projectIds,
    pitch: `We turn ${spec.projectIds.length} project(s) into products the city's visitors take home.`,
    state: spec.state,
    decision_note: note,
    decided_by_user_id: decidedAt ? reviewerUserId : null,
    decided_at: decidedAt,
    admitted_at: admittedAt,
    ended_at: endedAt,
  });
  return {
    id,
    cohortId: spec.cohortId,
    team: spec.team,
    projectIds: spec.projectIds,
    state: spec.state,
    admittedAt,
    endedAt,
  };
}

interface SeededMilestone {
  id: string;
  kind: string;
  eventKind: string | null;
  dueOn: Date;
  evidence: string;
}

function writeMilestones(
  context: SeedContext,
  random: Random,
  cohortId: string,
  start: Date,
  createdBy: string,
): SeededMilestone[] {
  const rows = [
    ...PLATFORM_MILESTONES.map(([kind, title, eventKind, dueDays]) => ({
      kind,
      title,
      eventKind,
      dueDays,
      evidence: '',
    })),
    ...CUSTOM_MILESTONES.map(([title, dueDays, evidence]) => ({
      kind: 'CUSTOM',
      title,
      eventKind: null,
      dueDays,
      evidence,
    })),
  ];
  return rows.map((row) => {
    const id = random.uuid();
    const dueOn = addDays(start, row.dueDays);
    context.add('incubation_milestone', {
      ...stamps(id, addDays(start, -20)),
      cohort_id: cohortId,
      kind: row.kind,
      title: row.title,
      due_on: cstDay(dueOn),
      created_by_user_id: createdBy,
    });
    return { id, kind: row.kind, eventKind: row.eventKind, dueOn, evidence: row.evidence };
  });
}

/**
 * Platform milestones where the history holds the event that ticks them (as the live ticker or
 * the admission catch-up would); custom ones marked by hand for about half the teams, after
 * their due date passes for the rest (overdue).
 */
async function completeMilestones(
  context: SeedContext,
  random: Random,
  facts: IncubationFacts,
  application: SeededApplication,
  milestones: SeededMilestone[],
  markedBy: string,
): Promise<void> {
  const until = application.endedAt ?? context.now;
  const events = await facts.firstEvents(application.projectIds, application.admittedAt!, until);
  for (const milestone of milestones) {
    const event: PlatformEvent | undefined = milestone.eventKind
      ? events.get(milestone.eventKind)
      : undefined;
    if (event) {
      context.add('incubation_milestone_completion', {
        ...stamps(random.uuid(), event.at),
        milestone_id: milestone.id,
        application_id: application.id,
        completed_at: event.at,
        evidence: `${event.evidence} ${event.ref} (project ${event.projectId})`,
        source: 'PLATFORM_EVENT',
        event_kind: milestone.eventKind,
        event_ref: event.ref,
        project_id: event.projectId,
        marked_by_user_id: null,
      });
    } else if (!milestone.eventKind && random.chance(0.55)) {
      const completedAt = addDays(milestone.dueOn, -random.int(1, 20));
      if (completedAt > until || completedAt < application.admittedAt!) continue;
      context.add('incubation_milestone_completion', {
        ...stamps(random.uuid(), completedAt),
        milestone_id: milestone.id,
        application_id: application.id,
        completed_at: completedAt,
        evidence: `${milestone.evidence}: https://docs.example/${application.id.slice(0, 8)}`,
        source: 'MANUAL',
        event_kind: null,
        event_ref: null,
        project_id: null,
        marked_by_user_id: markedBy,
      });
    }
  }
}

/**
 * One report per seated team and quarter that ended while it was in the cohort, submitted a
 * few days after the quarter; the last admitted team skips its latest due quarter (overdue).
 */
async function writeReports(
  context: SeedContext,
  random: Random,
  facts: IncubationFacts,
  cohortId: string,
  quarters: Quarter[],
  applications: SeededApplication[],
): Promise<void> {
  const metrics = METRICS.map(([kind, name, unit]) => {
    const id = random.uuid();
    context.add('incubation_kpi_metric', {
      ...stamps(id, addDays(quarters[0].start, -20)),
      cohort_id: cohortId,
      kind,
      name,
      unit,
    });
    return { id, kind };
  });
  const reporting = applications.filter((a) => a.state !== 'WITHDRAWN');
  const late = reporting.filter((a) => a.state === 'ADMITTED').at(-1);
  for (const application of reporting) {
    const due = quarters.filter((quarter) => quarter.end <= (application.endedAt ?? context.now));
    const sent = application === late ? due.slice(0, -1) : due;
    for (const quarter of sent) {
      const submittedAt = new Date(
        Math.min(addDays(quarter.end, random.int(2, 20)).getTime(), context.now.getTime()),
      );
      const reportId = random.uuid();
      context.add('incubation_kpi_report', {
        ...stamps(reportId, submittedAt),
        application_id: application.id,
        period: quarter.key,
        submitted_by_user_id: application.team.leadUserId,
        submitted_at: submittedAt,
      });
      const sales = await facts.sales(application.projectIds, quarter.start, quarter.end);
      const values: Record<string, number> = {
        REVENUE: sales.revenueFen / 100,
        UNITS_SOLD: sales.units,
        JOBS_CREATED: random.int(0, 4),
      };
      for (const metric of metrics) {
        context.add('incubation_kpi_value', {
          report_id: reportId,
          metric_id: metric.id,
          value: values[metric.kind],
          platform_derived: metric.kind !== 'JOBS_CREATED',
        });
      }
    }
  }
}
