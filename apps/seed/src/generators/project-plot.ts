import { CityRef, ManufacturerRef, OutletRef, TalentRef, TeamRef } from '../seed-context';

/** How a project's story is forced, for planted signal; `natural` lets the dice decide. */
export type ProjectPlot =
  | { kind: 'natural' }
  /** Published recently, bidding still open: for manufacturer-fit fixtures. */
  | { kind: 'open'; publishedAt: Date }
  /** Delivered and made into a product, not yet placed anywhere: for outlet-fit fixtures. */
  | { kind: 'awaitingPlacement'; retailPriceFen: number }
  /** In market early at strong outlets, selling far above the rest. */
  | { kind: 'standout'; outlets: OutletRef[] }
  /** Awarded to `manufacturer` (the only bidder), delivered on time or late: a track record. */
  | { kind: 'track'; manufacturer: ManufacturerRef; onTime: boolean };

export interface ProjectSpec {
  city: CityRef;
  owner: TalentRef;
  team: TeamRef | null;
  resources: CityRef['resources'];
  processes?: string[];
  materials?: string[];
  certifications?: string[];
  quantity?: number;
  plot: ProjectPlot;
}
