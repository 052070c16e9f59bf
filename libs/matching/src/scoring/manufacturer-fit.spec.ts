import { ManufacturerProfile, ProjectNeeds } from './match-features';
import { DEFAULT_MATCH_WEIGHTS, MatchWeights } from './match-weights';
import {
  capacityFit,
  experience,
  leadTimeFit,
  materialCoverage,
  moqFit,
  processCoverage,
  proximity,
  scoreManufacturerForProject,
  trackRecord,
} from './manufacturer-fit';

const NOW = new Date('2027-01-01T00:00:00Z');
const project: ProjectNeeds = {
  id: 'p1',
  cityId: 'shenyang',
  districtIds: ['shenhe'],
  category: 'PRODUCT',
  processes: ['METAL_CASTING', 'LASER_ENGRAVING'],
  materials: ['brass'],
  certifications: [],
  quantity: 600,
  deliveryDeadline: '2027-04-01T00:00:00Z', // 90 days after NOW
  resourceKinds: ['PALACE_QING_CULTURE'],
};
const maker: ManufacturerProfile = {
  organizationId: 'm1',
  name: 'Tiexi Foundry',
  cityId: 'shenyang',
  districtId: 'shenhe',
  processes: ['METAL_CASTING', 'LASER_ENGRAVING'],
  materials: ['Brass', 'steel'],
  certifications: ['ISO 9001'],
  moq: 100,
  monthlyCapacity: 1000,
  typicalLeadTimeDays: 40,
  rating: 4.5,
  onTimeRate: 0.9,
  completedOrders: 12,
  experienceKinds: ['PALACE_QING_CULTURE'],
  experienceCategories: ['PRODUCT'],
};
const codes = (x: { reasons: { code: string }[] }) => x.reasons.map((r) => r.code);

describe('manufacturer fit components', () => {
  it('process coverage is the share of needed processes offered', () => {
    expect(processCoverage(project, maker).value).toBe(1);
    const half = processCoverage(project, { ...maker, processes: ['METAL_CASTING'] });
    expect(half.value).toBe(0.5);
    expect(half.reasons[0].code).toBe('PROCESSES_MISSING');
    expect(half.reasons[0].message).toContain('LASER_ENGRAVING');
    expect(half.reasons[0].messageZh).toContain('LASER_ENGRAVING');
  });

  it('a project that needs no process is covered by anyone', () => {
    const none = processCoverage({ ...project, processes: [] }, { ...maker, processes: [] });
    expect(none).toEqual({
      value: 1,
      reasons: [expect.objectContaining({ code: 'NO_PROCESS_NEEDED' })],
    });
  });

  it('materials compare without case', () => {
    expect(materialCoverage(project, maker).value).toBe(1);
    expect(materialCoverage(project, { ...maker, materials: ['silk'] }).value).toBe(0);
    expect(materialCoverage({ ...project, materials: [] }, maker).value).toBe(1);
  });

  it('capacity over the months to the deadline against the quantity', () => {
    expect(capacityFit(project, maker, NOW).value).toBe(1); // 3 months × 1000 ≥ 600
    const short = capacityFit(project, { ...maker, monthlyCapacity: 100 }, NOW); // 300 of 600
    expect(short.value).toBeCloseTo(0.5, 5);
    expect(short.exclusion).toBeUndefined();
    expect(codes(short)).toEqual(['CAPACITY_SHORT']);
  });

  it('zero capacity, or far too little, is a hard exclusion with its reason', () => {
    const zero = capacityFit(project, { ...maker, monthlyCapacity: 0 }, NOW);
    expect(zero.exclusion?.code).toBe('CAPACITY_FAR_TOO_SMALL');
    const tiny = capacityFit(project, { ...maker, monthlyCapacity: 40 }, NOW); // 120 of 600 = 20%
    expect(tiny.exclusion?.code).toBe('CAPACITY_FAR_TOO_SMALL');
    expect(tiny.exclusion?.messageZh).toContain('产能严重不足');
  });

  it('unknown capacity is neutral, not excluded', () => {
    const unknown = capacityFit(project, { ...maker, monthlyCapacity: null }, NOW);
    expect(unknown.value).toBe(0.5);
    expect(unknown.exclusion).toBeUndefined();
  });

  it('an MOQ above the quantity lowers the fit proportionally', () => {
    expect(moqFit(project, maker).value).toBe(1);
    expect(moqFit(project, { ...maker, moq: null }).value).toBe(1);
    const high = moqFit(project, { ...maker, moq: 1200 });
    expect(high.value).toBe(0.5);
    expect(codes(high)).toEqual(['MOQ_ABOVE_QUANTITY']);
  });

  it('lead time against the days left', () => {
    expect(leadTimeFit(project, maker, NOW).value).toBe(1);
    const slow = leadTimeFit(project, { ...maker, typicalLeadTimeDays: 180 }, NOW);
    expect(slow.value).toBeCloseTo(0.5, 5);
    expect(codes(slow)).toEqual(['LEAD_TIME_TOO_LONG']);
    expect(leadTimeFit(project, { ...maker, typicalLeadTimeDays: null }, NOW).value).toBe(0.5);
  });

  it('proximity: same district, same city, other', () => {
    expect(proximity(project, maker).value).toBe(1);
    expect(proximity(project, { ...maker, districtId: 'tiexi' }).value).toBe(0.6);
    expect(proximity(project, { ...maker, districtId: null }).value).toBe(0.6);
    expect(proximity(project, { ...maker, cityId: 'dalian', districtId: 'x' }).value).toBe(0.2);
    // A project with no cultural resource has no district: same city at best.
    expect(proximity({ ...project, districtIds: [] }, maker).value).toBe(0.6);
  });

  it('track record: rating, on-time rate and volume; missing ratings are neutral', () => {
    expect(trackRecord(maker).value).toBeCloseTo(0.5 * 0.875 + 0.3 * 0.9 + 0.2, 5);
    const newcomer = trackRecord({ ...maker, rating: null, onTimeRate: null, completedOrders: 0 });
    expect(newcomer.value).toBeCloseTo(0.4, 5);
    expect(codes(newcomer)).toEqual(['NO_TRACK_RECORD']);
    const unrated = trackRecord({ ...maker, rating: null });
    expect(unrated.reasons[0].message).not.toContain('rated');
    expect(unrated.reasons[0].message).toContain('90% on time');
  });

  it('experience with the same resource kinds and category', () => {
    expect(experience(project, maker).value).toBe(1);
    const categoryOnly = experience(project, { ...maker, experienceKinds: [] });
    expect(categoryOnly.value).toBeCloseTo(0.3, 5);
    const none = experience(project, { ...maker, experienceKinds: [], experienceCategories: [] });
    expect(none.value).toBe(0);
    expect(codes(none)).toEqual(['NO_RELATED_EXPERIENCE']);
  });

  it('a project with no cultural resource is judged on category alone', () => {
    const noResource = { ...project, resourceKinds: [], districtIds: [] };
    expect(experience(noResource, maker).value).toBe(1);
    expect(experience(noResource, { ...maker, experienceCategories: [] }).value).toBe(0);
  });
});

describe('scoreManufacturerForProject', () => {
  const weights = DEFAULT_MATCH_WEIGHTS.manufacturer;

  it('a perfect fit scores 1 minus the imperfect track record, with every component shown', () => {
    const result = scoreManufacturerForProject(project, maker, weights, NOW);
    expect(result.excluded).toBe(false);
    expect(result.components.map((c) => c.name)).toEqual([
      'process_coverage',
      'material_coverage',
      'capacity',
      'moq',
      'lead_time',
      'proximity',
      'track_record',
      'experience',
    ]);
    expect(result.components.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 3);
    const expected = result.components.reduce((s, c) => s + c.weight * c.value, 0);
    expect(result.score).toBeCloseTo(expected, 3);
    expect(result.score).toBeGreaterThan(0.95);
    expect(result.score).toBeLessThanOrEqual(1);
  });

  it('a missing required certification excludes, and says which', () => {
    const result = scoreManufacturerForProject(
      { ...project, certifications: ['FSC', 'iso 9001'] },
      maker,
      weights,
      NOW,
    );
    expect(result.excluded).toBe(true);
    expect(result.reasons[0]).toEqual({
      code: 'MISSING_CERTIFICATION',
      message: 'Lacks the required certification FSC',
      messageZh: '缺少必需的认证：FSC',
    });
    expect(result.score).toBeGreaterThan(0); // still explained with its components
  });

  it('capacity far too small excludes with the exclusion reason first', () => {
    const result = scoreManufacturerForProject(
      project,
      { ...maker, monthlyCapacity: 10 },
      weights,
      NOW,
    );
    expect(result.excluded).toBe(true);
    expect(result.reasons[0].code).toBe('CAPACITY_FAR_TOO_SMALL');
  });

  it('is deterministic and weights are configuration', () => {
    const a = scoreManufacturerForProject(project, { ...maker, districtId: 'tiexi' }, weights, NOW);
    const b = scoreManufacturerForProject(project, { ...maker, districtId: 'tiexi' }, weights, NOW);
    expect(a).toEqual(b);
    const onlyProximity: MatchWeights['manufacturer'] = {
      process_coverage: 0,
      material_coverage: 0,
      capacity: 0,
      moq: 0,
      lead_time: 0,
      proximity: 1,
      track_record: 0,
      experience: 0,
    };
    const scored = scoreManufacturerForProject(
      project,
      { ...maker, districtId: 'tiexi' },
      onlyProximity,
      NOW,
    );
    expect(scored.score).toBe(0.6);
  });
});
