import { DomainException, FieldError, GraphqlErrorCode } from '@cc/graphql';

export enum RetailErrorCode {
  PRODUCT_NOT_FOUND = 'PRODUCT_NOT_FOUND',
  NOT_PRODUCT_OWNER = 'NOT_PRODUCT_OWNER',
  PROJECT_NOT_DELIVERED = 'PROJECT_NOT_DELIVERED',
  PRODUCT_ALREADY_EXISTS = 'PRODUCT_ALREADY_EXISTS',
  SKU_TAKEN = 'SKU_TAKEN',
  OUTLET_NOT_FOUND = 'OUTLET_NOT_FOUND',
  NOT_OUTLET_MEMBER = 'NOT_OUTLET_MEMBER',
  NOT_A_RETAILER = 'NOT_A_RETAILER',
  UNKNOWN_DISTRICT = 'UNKNOWN_DISTRICT',
  INVALID_PRICE_BAND = 'INVALID_PRICE_BAND',
  PLACEMENT_NOT_FOUND = 'PLACEMENT_NOT_FOUND',
  ILLEGAL_PLACEMENT_TRANSITION = 'ILLEGAL_PLACEMENT_TRANSITION',
  NOT_PLACEMENT_PARTY = 'NOT_PLACEMENT_PARTY',
  PLACEMENT_ALREADY_OPEN = 'PLACEMENT_ALREADY_OPEN',
  INVALID_TERMS = 'INVALID_TERMS',
  INVALID_ROYALTY_SPLIT = 'INVALID_ROYALTY_SPLIT',
  UNKNOWN_HERITAGE_OWNER = 'UNKNOWN_HERITAGE_OWNER',
  NO_ACTIVE_PLACEMENT = 'NO_ACTIVE_PLACEMENT',
  INVALID_SALE = 'INVALID_SALE',
  SALE_EXCEEDS_STOCK = 'SALE_EXCEEDS_STOCK',
  EXTERNAL_ID_CONFLICT = 'EXTERNAL_ID_CONFLICT',
  SALES_IMPORT_NOT_FOUND = 'SALES_IMPORT_NOT_FOUND',
  SALES_IMPORT_NOT_RETRYABLE = 'SALES_IMPORT_NOT_RETRYABLE',
  INVALID_UPLOAD = 'INVALID_UPLOAD',
  INVALID_PERIOD = 'INVALID_PERIOD',
  PARTY_NOT_FOUND = 'PARTY_NOT_FOUND',
  NOT_YOUR_STATEMENT = 'NOT_YOUR_STATEMENT',
  SALE_ANOMALY_NOT_FOUND = 'SALE_ANOMALY_NOT_FOUND',
  SALE_ANOMALY_ALREADY_REVIEWED = 'SALE_ANOMALY_ALREADY_REVIEWED',
  NOT_CITY_OFFICIAL = 'NOT_CITY_OFFICIAL',
  OWN_SALE_REVIEW = 'OWN_SALE_REVIEW',
}

/** The retail domain's one exception type; `formatGraphqlError` maps it to a GraphQL error. */
export class RetailException extends DomainException<RetailErrorCode> {
  static notFound(
    code:
      | RetailErrorCode.PRODUCT_NOT_FOUND
      | RetailErrorCode.OUTLET_NOT_FOUND
      | RetailErrorCode.PLACEMENT_NOT_FOUND
      | RetailErrorCode.SALES_IMPORT_NOT_FOUND
      | RetailErrorCode.PARTY_NOT_FOUND
      | RetailErrorCode.SALE_ANOMALY_NOT_FOUND,
    entity: string,
    id: string,
  ): RetailException {
    return new RetailException(code, GraphqlErrorCode.NOT_FOUND, `${entity} ${id} was not found`, {
      entity,
      id,
    });
  }

  static conflict(
    code: RetailErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ): RetailException {
    return new RetailException(code, GraphqlErrorCode.CONFLICT, message, details);
  }

  static forbidden(
    code: RetailErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ): RetailException {
    return new RetailException(code, GraphqlErrorCode.FORBIDDEN, message, details);
  }

  /** A bad input value: the field is named in `fieldErrors`, as for validation failures. */
  static invalid(code: RetailErrorCode, field: string, message: string): RetailException {
    return RetailException.invalidFields(code, [{ field, message }]);
  }

  static invalidFields(code: RetailErrorCode, fieldErrors: FieldError[]): RetailException {
    const summary = fieldErrors.map((error) => `${error.field}: ${error.message}`).join('; ');
    return new RetailException(code, GraphqlErrorCode.BAD_USER_INPUT, summary, { fieldErrors });
  }

  private constructor(
    reason: RetailErrorCode,
    code: GraphqlErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(reason, code, message, details);
  }
}
