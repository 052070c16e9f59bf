import { DomainException, FieldError, GraphqlErrorCode } from '@cc/graphql';

export enum CatalogErrorCode {
  CITY_NOT_FOUND = 'CITY_NOT_FOUND',
  DISTRICT_NOT_FOUND = 'DISTRICT_NOT_FOUND',
  CULTURAL_RESOURCE_NOT_FOUND = 'CULTURAL_RESOURCE_NOT_FOUND',
  CITY_CODE_TAKEN = 'CITY_CODE_TAKEN',
  DISTRICT_NAME_TAKEN = 'DISTRICT_NAME_TAKEN',
  UNKNOWN_CITY = 'UNKNOWN_CITY',
  UNKNOWN_DISTRICT = 'UNKNOWN_DISTRICT',
  DISTRICT_OUTSIDE_CITY = 'DISTRICT_OUTSIDE_CITY',
  RESOURCE_IN_USE = 'RESOURCE_IN_USE',
}

/** The catalog's failures (cities, districts, cultural resources), mapped by `formatGraphqlError`. */
export class CatalogException extends DomainException<CatalogErrorCode> {
  static cityNotFound(id: string): CatalogException {
    return CatalogException.notFound(CatalogErrorCode.CITY_NOT_FOUND, 'City', id);
  }

  static districtNotFound(id: string): CatalogException {
    return CatalogException.notFound(CatalogErrorCode.DISTRICT_NOT_FOUND, 'District', id);
  }

  static culturalResourceNotFound(id: string): CatalogException {
    return CatalogException.notFound(
      CatalogErrorCode.CULTURAL_RESOURCE_NOT_FOUND,
      'Cultural resource',
      id,
    );
  }

  static cityCodeTaken(code: string): CatalogException {
    return CatalogException.conflict(
      CatalogErrorCode.CITY_CODE_TAKEN,
      'code',
      `a city with code "${code}" already exists`,
    );
  }

  static districtNameTaken(name: string): CatalogException {
    return CatalogException.conflict(
      CatalogErrorCode.DISTRICT_NAME_TAKEN,
      'name',
      `this city already has a district named "${name}"`,
    );
  }

  static unknownCity(id: string, field = 'cityId'): CatalogException {
    return CatalogException.invalid(CatalogErrorCode.UNKNOWN_CITY, field, `no city has id ${id}`);
  }

  static unknownDistrict(id: string, field = 'districtId'): CatalogException {
    return CatalogException.invalid(
      CatalogErrorCode.UNKNOWN_DISTRICT,
      field,
      `no district has id ${id}`,
    );
  }

  static districtOutsideCity(
    districtId: string,
    cityId: string,
    field = 'districtId',
  ): CatalogException {
    return CatalogException.invalid(
      CatalogErrorCode.DISTRICT_OUTSIDE_CITY,
      field,
      `district ${districtId} is not in city ${cityId}`,
    );
  }

  /**
   * Something still links the resource (the database refused: a project's link holds it), so
   * deleting it or moving it to another city would break the link. Says how to free it.
   */
  static resourceInUse(id: string, action: string): CatalogException {
    return new CatalogException(
      CatalogErrorCode.RESOURCE_IN_USE,
      GraphqlErrorCode.CONFLICT,
      `Cultural resource ${id} is linked from projects and cannot be ${action}: remove it from ` +
        `their culturalResourceIds (updateProject), or delete those projects, first; ` +
        `projects(filter: { culturalResourceId: "${id}" }) lists them`,
      { culturalResourceId: id },
    );
  }

  private static notFound(reason: CatalogErrorCode, entity: string, id: string): CatalogException {
    return new CatalogException(
      reason,
      GraphqlErrorCode.NOT_FOUND,
      `${entity} ${id} was not found`,
      {
        entity,
        id,
      },
    );
  }

  private static conflict(reason: CatalogErrorCode, field: string, message: string) {
    const fieldErrors: FieldError[] = [{ field, message }];
    return new CatalogException(reason, GraphqlErrorCode.CONFLICT, `${field}: ${message}`, {
      field,
      fieldErrors,
    });
  }

  /** Same shape as a class-validator failure: BAD_USER_INPUT with `fieldErrors`. */
  private static invalid(reason: CatalogErrorCode, field: string, message: string) {
    const fieldErrors: FieldError[] = [{ field, message }];
    return new CatalogException(
      reason,
      GraphqlErrorCode.BAD_USER_INPUT,
      `Invalid input. ${field}: ${message}`,
      { fieldErrors },
    );
  }

  private constructor(
    reason: CatalogErrorCode,
    code: GraphqlErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(reason, code, message, details);
  }
}
