import { Module } from '@nestjs/common';
import { RetailMatchingSource } from './retail-matching.source';

/** Retail's matching source, for the worker. */
@Module({ providers: [RetailMatchingSource] })
export class RetailMatchingModule {}
