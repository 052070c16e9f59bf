import { Foundation1795886824128 } from './1795886824128-Foundation';
import { Identity1795889774566 } from './1795889774566-Identity';
import { Impact1795890009063 } from './1795890009063-Impact';
import { Marketplace1795890279874 } from './1795890279874-Marketplace';
import { SealedBids1795891034325 } from './1795891034325-SealedBids';
import { Catalog1795891107500 } from './1795891107500-Catalog';
import { Notification1795891166558 } from './1795891166558-Notification';
import { Reviews1795891332876 } from './1795891332876-Reviews';
import { Retail1795891596860 } from './1795891596860-Retail';
import { RetailSaleIndexes1795893378868 } from './1795893378868-RetailSaleIndexes';
import { KeysetTimestamps1796068275056 } from './1796068275056-KeysetTimestamps';
import { SeedFixture1796068559299 } from './1796068559299-SeedFixture';
import { Matching1795900000000 } from './1795900000000-Matching';
import { Incubation1795900000000 } from './1795900000000-Incubation';
import { ActiveIncubatedVentures1795900000001 } from './1795900000001-ActiveIncubatedVentures';
import { InvitationToken1795900000000 } from './1795900000000-InvitationToken';
import { CouplingBasis1795900000000 } from './1795900000000-CouplingBasis';
import { CouplingRuns1795900100000 } from './1795900100000-CouplingRuns';
import { ContributionShares1795900200000 } from './1795900200000-ContributionShares';
import { OrderCancellation1796068285852 } from './1796068285852-OrderCancellation';
import { PartialDeliveries1796069400000 } from './1796069400000-PartialDeliveries';
import { TeamInvitations1796070000000 } from './1796070000000-TeamInvitations';
import { TalentDirectory1796070600000 } from './1796070600000-TalentDirectory';

/**
 * Every migration, in order. After `npm run migration:generate`, add the new class here;
 * migrations.spec.ts fails when a file in this folder is missing from the list.
 */
export const MIGRATIONS = [
  Foundation1795886824128,
  Identity1795889774566,
  Impact1795890009063,
  Marketplace1795890279874,
  SealedBids1795891034325,
  Catalog1795891107500,
  Notification1795891166558,
  Reviews1795891332876,
  Retail1795891596860,
  RetailSaleIndexes1795893378868,
  KeysetTimestamps1796068275056,
  SeedFixture1796068559299,
  Matching1795900000000,
  Incubation1795900000000,
  ActiveIncubatedVentures1795900000001,
  InvitationToken1795900000000,
  CouplingBasis1795900000000,
  CouplingRuns1795900100000,
  ContributionShares1795900200000,
  OrderCancellation1796068285852,
  PartialDeliveries1796069400000,
  TeamInvitations1796070000000,
  TalentDirectory1796070600000,
];
