/** Why a model, its data or a contribution request was rejected. */
export enum CouplingErrorCode {
  INVALID_MODEL = 'INVALID_MODEL',
  TOO_FEW_SUBSYSTEMS = 'TOO_FEW_SUBSYSTEMS',
  EMPTY_SUBSYSTEM = 'EMPTY_SUBSYSTEM',
  DUPLICATE_NAME = 'DUPLICATE_NAME',
  INVALID_RANGE = 'INVALID_RANGE',
  INVALID_WEIGHT = 'INVALID_WEIGHT',
  MISSING_WEIGHT = 'MISSING_WEIGHT',
  UNKNOWN_WEIGHT_KEY = 'UNKNOWN_WEIGHT_KEY',
  WEIGHTS_NOT_SUM_TO_ONE = 'WEIGHTS_NOT_SUM_TO_ONE',
  UNKNOWN_COLUMN = 'UNKNOWN_COLUMN',
  DUPLICATE_COLUMN = 'DUPLICATE_COLUMN',
  NON_NUMERIC_CELL = 'NON_NUMERIC_CELL',
  NO_SAMPLES = 'NO_SAMPLES',
  TOO_FEW_SAMPLES = 'TOO_FEW_SAMPLES',
  NEGATIVE_VALUE = 'NEGATIVE_VALUE',
  MISSING_VALUE = 'MISSING_VALUE',
  MISSING_FROZEN_PARAMETER = 'MISSING_FROZEN_PARAMETER',
  INVALID_PART = 'INVALID_PART',
}

/** The one error class of the engine. `message` is a single line fit for a person. */
export class CouplingError extends Error {
  constructor(
    readonly code: CouplingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CouplingError';
  }
}
