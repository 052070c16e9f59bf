/**
 * The three questions the demo answers, as GraphQL to paste into GraphiQL. Values are inlined
 * so they paste as they are; `npm run demo` prints them and the e2e test runs them.
 */
export interface DemoQueryInputs {
  cityId: string;
  firstPeriod: string;
  lastPeriod: string;
}

/** An official's view: Shenyang's C, T, D and level, quarter by quarter. */
export const snapshotSeriesQuery = ({ cityId, firstPeriod, lastPeriod }: DemoQueryInputs): string =>
  `{ couplingSnapshots(cityId: "${cityId}", from: "${firstPeriod}", to: "${lastPeriod}", first: 8) { ` +
  `edges { node { period couplingDegree coordinationIndex coordinationDegree level } } } }`;

/** An official's view: the projects that moved D most in the last quarter. */
export const topContributionsQuery = ({ cityId, lastPeriod }: DemoQueryInputs): string =>
  `{ projectContributions(cityId: "${cityId}", period: "${lastPeriod}", first: 5) { totalCount ` +
  `edges { node { deltaD deltaT project { title state } } } } }`;

/** A talent's view: their projects and what each added to the city's coupling. */
export const myImpactQuery = (): string =>
  `{ myImpact(first: 5) { totalCount edges { node { project { title state } ` +
  `contributions { period deltaD } } } } }`;
