import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CsvRowError', { description: 'A CSV row that was not imported.' })
export class CsvRowErrorType {
  @Field(() => Int, { description: 'Line in the file (the header is line 1).' })
  line!: number;

  @Field(() => String, { nullable: true, description: 'The column at fault, when one is.' })
  column!: string | null;

  @Field()
  reason!: string;
}

@ObjectType()
export class OfficialStatisticsImportResult {
  @Field(() => ID)
  importId!: string;

  @Field(() => Int, { description: 'Data rows read.' })
  rowsRead!: number;

  @Field(() => Int, { description: 'Rows imported (every value of a good row is stored).' })
  rowsImported!: number;

  @Field(() => Int)
  rowsRejected!: number;

  @Field(() => Int, { description: 'Values new to the database.' })
  valuesInserted!: number;

  @Field(() => Int, { description: 'Values that replaced a different earlier value.' })
  valuesUpdated!: number;

  @Field(() => Int, { description: 'Values equal to those already stored (e.g. a re-import).' })
  valuesUnchanged!: number;

  @Field(() => [CsvRowErrorType], { description: 'Every rejected row, by line.' })
  errors!: CsvRowErrorType[];

  @Field({
    description: 'True when values changed and the coupling snapshots are being recomputed.',
  })
  recomputeRequested!: boolean;
}
