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
import { OrderCancellation1796068285852 } from './1796068285852-OrderCancellation';
import { SeedFixture1796068559299 } from './1796068559299-SeedFixture';
import { PartialDeliveries1796069400000 } from './1796069400000-PartialDeliveries';
import { TeamInvitations1796070000000 } from './1796070000000-TeamInvitations';
import { TalentDirectory1796070600000 } from './1796070600000-TalentDirectory';
import { InvitationToken1796071000000 } from './1796071000000-InvitationToken';
import { CouplingBasis1796071100000 } from './1796071100000-CouplingBasis';
import { CouplingRuns1796071200000 } from './1796071200000-CouplingRuns';
import { ContributionShares1796071300000 } from './1796071300000-ContributionShares';
import { Incubation1796071400000 } from './1796071400000-Incubation';
import { ActiveIncubatedVentures1796071500000 } from './1796071500000-ActiveIncubatedVentures';
import { Matching1796071600000 } from './1796071600000-Matching';
import { MillisecondCreatedAt1796071700000 } from './1796071700000-MillisecondCreatedAt';
import { Outbox1796071900000 } from './1796071900000-Outbox';
import { ProjectCulturalResource1796072000000 } from './1796072000000-ProjectCulturalResource';
import { RetailIndicatorFacts1796072100000 } from './1796072100000-RetailIndicatorFacts';
import { TeamInvitationExpiry1796072600000 } from './1796072600000-TeamInvitationExpiry';
import { SaleAnomaly1796073000000 } from './1796073000000-SaleAnomaly';
import { CouplingRunInputsSnapshot1796073100000 } from './1796073100000-CouplingRunInputsSnapshot';
import { SaleDropCityIndex1796073300000 } from './1796073300000-SaleDropCityIndex';
import { RetailIndicatorItemPresence1796073800000 } from './1796073800000-RetailIndicatorItemPresence';
import { OutboxPolled1796073810000 } from './1796073810000-OutboxPolled';

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
  OrderCancellation1796068285852,
  SeedFixture1796068559299,
  PartialDeliveries1796069400000,
  TeamInvitations1796070000000,
  TalentDirectory1796070600000,
  InvitationToken1796071000000,
  CouplingBasis1796071100000,
  CouplingRuns1796071200000,
  ContributionShares1796071300000,
  Incubation1796071400000,
  ActiveIncubatedVentures1796071500000,
  Matching1796071600000,
  MillisecondCreatedAt1796071700000,
  Outbox1796071900000,
  ProjectCulturalResource1796072000000,
  RetailIndicatorFacts1796072100000,
  TeamInvitationExpiry1796072600000,
  SaleAnomaly1796073000000,
  CouplingRunInputsSnapshot1796073100000,
  SaleDropCityIndex1796073300000,
  RetailIndicatorItemPresence1796073800000,
  OutboxPolled1796073810000,
];
