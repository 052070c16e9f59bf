import { DomainException, GraphqlErrorCode } from '@cc/graphql';

export enum ImpactErrorCode {
  INDICATOR_SYSTEM_NOT_FOUND = 'INDICATOR_SYSTEM_NOT_FOUND',
  INVALID_INDICATOR_SYSTEM = 'INVALID_INDICATOR_SYSTEM',
  UNKNOWN_PLATFORM_INDICATOR = 'UNKNOWN_PLATFORM_INDICATOR',
  GLOBAL_SYSTEM_REQUIRES_ADMIN = 'GLOBAL_SYSTEM_REQUIRES_ADMIN',
  CITY_NOT_FOUND = 'CITY_NOT_FOUND',
  INVALID_PERIOD = 'INVALID_PERIOD',
  PERIOD_GRANULARITY_MISMATCH = 'PERIOD_GRANULARITY_MISMATCH',
  INVALID_CSV = 'INVALID_CSV',
  SNAPSHOT_NOT_FOUND = 'SNAPSHOT_NOT_FOUND',
  NOTHING_TO_PUBLISH = 'NOTHING_TO_PUBLISH',
  UNKNOWN_INDICATOR = 'UNKNOWN_INDICATOR',
  SIMULATION_INVALID = 'SIMULATION_INVALID',
}

/** Every failure of the impact domain (indicator systems, statistics, coupling snapshots). */
export class ImpactException extends DomainException<ImpactErrorCode> {
  static indicatorSystemNotFound(what: string): ImpactException {
    return new ImpactException(
      ImpactErrorCode.INDICATOR_SYSTEM_NOT_FOUND,
      GraphqlErrorCode.NOT_FOUND,
      `No indicator system ${what}`,
    );
  }

  static invalidIndicatorSystem(message: string, details: Record<string, unknown> = {}) {
    return new ImpactException(
      ImpactErrorCode.INVALID_INDICATOR_SYSTEM,
      GraphqlErrorCode.BAD_USER_INPUT,
      `Invalid indicator system: ${message}`,
      details,
    );
  }

  static unknownPlatformIndicator(key: string, known: readonly string[]): ImpactException {
    return new ImpactException(
      ImpactErrorCode.UNKNOWN_PLATFORM_INDICATOR,
      GraphqlErrorCode.BAD_USER_INPUT,
      `"${key}" is not a platform indicator; the platform computes: ${known.join(', ')}`,
      { key },
    );
  }

  static globalSystemRequiresAdmin(): ImpactException {
    return new ImpactException(
      ImpactErrorCode.GLOBAL_SYSTEM_REQUIRES_ADMIN,
      GraphqlErrorCode.FORBIDDEN,
      'Only an ADMIN may create an indicator system for all cities; officials create one for their city',
    );
  }

  static cityNotFound(id: string): ImpactException {
    return new ImpactException(
      ImpactErrorCode.CITY_NOT_FOUND,
      GraphqlErrorCode.NOT_FOUND,
      `City ${id} was not found`,
      { cityId: id },
    );
  }

  static invalidPeriod(message: string, field = 'period'): ImpactException {
    return new ImpactException(
      ImpactErrorCode.INVALID_PERIOD,
      GraphqlErrorCode.BAD_USER_INPUT,
      message,
      { fieldErrors: [{ field, message }] },
    );
  }

  static granularityMismatch(period: string, expected: string): ImpactException {
    return new ImpactException(
      ImpactErrorCode.PERIOD_GRANULARITY_MISMATCH,
      GraphqlErrorCode.BAD_USER_INPUT,
      `${period} is not a ${expected.toLowerCase()}: this indicator system reports per ${expected.toLowerCase()}`,
      { period, expected },
    );
  }

  static invalidCsv(message: string, line?: number): ImpactException {
    return new ImpactException(
      ImpactErrorCode.INVALID_CSV,
      GraphqlErrorCode.BAD_USER_INPUT,
      line === undefined ? message : `line ${line}: ${message}`,
      line === undefined ? {} : { line },
    );
  }

  static snapshotNotFound(cityId: string, period: string): ImpactException {
    return new ImpactException(
      ImpactErrorCode.SNAPSHOT_NOT_FOUND,
      GraphqlErrorCode.NOT_FOUND,
      `No coupling snapshot for city ${cityId} in ${period}`,
      { cityId, period },
    );
  }

  static nothingToPublish(version: number, period: string): ImpactException {
    return new ImpactException(
      ImpactErrorCode.NOTHING_TO_PUBLISH,
      GraphqlErrorCode.CONFLICT,
      `${period} of version ${version} has nothing new to publish: the current run's figures are already published`,
      { version, period },
    );
  }

  static globalPublicationRequiresAdmin(): ImpactException {
    return new ImpactException(
      ImpactErrorCode.GLOBAL_SYSTEM_REQUIRES_ADMIN,
      GraphqlErrorCode.FORBIDDEN,
      'Publishing a period of a global indicator system freezes it for every city: only an ADMIN may',
    );
  }

  static unknownIndicator(key: string, known: readonly string[]): ImpactException {
    return new ImpactException(
      ImpactErrorCode.UNKNOWN_INDICATOR,
      GraphqlErrorCode.BAD_USER_INPUT,
      `"${key}" is not an indicator of this system (it has: ${known.join(', ')})`,
      { key },
    );
  }

  static simulationInvalid(message: string): ImpactException {
    return new ImpactException(
      ImpactErrorCode.SIMULATION_INVALID,
      GraphqlErrorCode.BAD_USER_INPUT,
      message,
    );
  }

  private constructor(
    reason: ImpactErrorCode,
    code: GraphqlErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(reason, code, message, details);
  }
}
