import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IDENTITY_ENTITIES } from '../identity.module';
import { IdentityAudience } from './identity-audience';

/**
 * Identity's audience lookups, for other domains' notifications, in the api and the worker.
 * Registers every identity entity: the worker has no IdentityModule, and the grants' and
 * members' relations (and NotificationService's recipient check) need their metadata.
 */
@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES)],
  providers: [IdentityAudience],
  exports: [IdentityAudience],
})
export class IdentityAudienceModule {}
