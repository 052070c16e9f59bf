import { Module } from '@nestjs/common';
import { IdentityMatchingSource } from './identity-matching.source';

/** Identity's matching source, for the worker (which does not import IdentityModule). */
@Module({ providers: [IdentityMatchingSource] })
export class IdentityMatchingModule {}
