import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';

@InputType()
export class ImportOfficialStatisticsInput {
  @Field({
    description:
      'CSV text, UTF-8: header `city,period,<indicator>,...`; city by code, period 2026-Q3, 2026-09 or 2026; one value per indicator (empty cell: no value).',
  })
  @IsString()
  @Length(1, 900_000)
  csv!: string;
}
