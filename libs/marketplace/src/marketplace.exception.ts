import { DomainException, GraphqlErrorCode } from '@cc/graphql';
import { allowedNextStates, ProjectState, statesLeadingTo } from './project/project-state';

export enum MarketplaceErrorCode {
  PROJECT_NOT_FOUND = 'PROJECT_NOT_FOUND',
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  NOT_EDITABLE = 'NOT_EDITABLE',
  UNKNOWN_CITY = 'UNKNOWN_CITY',
  UNKNOWN_CULTURAL_RESOURCE = 'UNKNOWN_CULTURAL_RESOURCE',
  INVALID_DEADLINES = 'INVALID_DEADLINES',
  NOT_PROJECT_OWNER = 'NOT_PROJECT_OWNER',
  BID_NOT_FOUND = 'BID_NOT_FOUND',
  BID_DEADLINE_PASSED = 'BID_DEADLINE_PASSED',
  NOT_A_MANUFACTURER = 'NOT_A_MANUFACTURER',
  MISSING_CERTIFICATION = 'MISSING_CERTIFICATION',
  DUPLICATE_PRICE_TIER = 'DUPLICATE_PRICE_TIER',
  ALREADY_BID = 'ALREADY_BID',
  BID_NOT_ACTIVE = 'BID_NOT_ACTIVE',
  BID_ALREADY_ACCEPTED = 'BID_ALREADY_ACCEPTED',
  NOT_BID_MEMBER = 'NOT_BID_MEMBER',
  ORDER_NOT_FOUND = 'ORDER_NOT_FOUND',
  ILLEGAL_MILESTONE = 'ILLEGAL_MILESTONE',
  NOT_ORDER_MANUFACTURER = 'NOT_ORDER_MANUFACTURER',
  NOT_DELIVERED = 'NOT_DELIVERED',
  ALREADY_REVIEWED = 'ALREADY_REVIEWED',
  NOT_ORDER_PARTY = 'NOT_ORDER_PARTY',
  CANCELLATION_NEEDS_REASON = 'CANCELLATION_NEEDS_REASON',
  INVALID_COMPENSATION = 'INVALID_COMPENSATION',
  ORDER_CANCELLED = 'ORDER_CANCELLED',
  OVER_DELIVERY = 'OVER_DELIVERY',
}

export class MarketplaceException extends DomainException<MarketplaceErrorCode> {
  static projectNotFound(id: string): MarketplaceException {
    return new MarketplaceException(
      MarketplaceErrorCode.PROJECT_NOT_FOUND,
      GraphqlErrorCode.NOT_FOUND,
      `Project ${id} was not found`,
      {
        projectId: id,
      },
    );
  }

  static illegalTransition(from: ProjectState, to: ProjectState): MarketplaceException {
    const allowed = allowedNextStates(from);
    const requiredStates = statesLeadingTo(to);
    return new MarketplaceException(
      MarketplaceErrorCode.ILLEGAL_TRANSITION,
      GraphqlErrorCode.CONFLICT,
      `Moving a project to ${to} needs it to be ${requiredStates.join(' or ') || 'never reachable'} (it is ${from}); from ${from} it may move to ${allowed.length ? allowed.join(', ') : 'nothing'}`,
      { currentState: from, requestedState: to, requiredStates, allowedNextStates: allowed },
    );
  }

  /** An IN_MARKET project is closed instead; a finished one is already settled. */
  static cannotCancel(state: ProjectState): MarketplaceException {
    const message =
      state === ProjectState.IN_MARKET
        ? 'An IN_MARKET project cannot be cancelled: close it with closeProject, which ends its placements'
        : `The project is already ${state}; only a project before the market (DRAFT, OPEN_FOR_BIDS, AWARDED, IN_PRODUCTION) can be cancelled`;
    return new MarketplaceException(
      MarketplaceErrorCode.ILLEGAL_TRANSITION,
      GraphqlErrorCode.CONFLICT,
      message,
      {
        currentState: state,
        requestedState: ProjectState.CANCELLED,
        allowedNextStates: allowedNextStates(state),
      },
    );
  }

  static notEditable(state: ProjectState): MarketplaceException {
    return new MarketplaceException(
      MarketplaceErrorCode.NOT_EDITABLE,
      GraphqlErrorCode.CONFLICT,
      `Only a DRAFT project can be edited; this one is ${state}`,
      { currentState: state },
    );
  }

  static notOwner(): MarketplaceException {
    return new MarketplaceException(
      MarketplaceErrorCode.NOT_PROJECT_OWNER,
      GraphqlErrorCode.FORBIDDEN,
      'Only the project owner (or a member of its team) may do this',
    );
  }

  static bidNotFound(id: string): MarketplaceException {
    return new MarketplaceException(
      MarketplaceErrorCode.BID_NOT_FOUND,
      GraphqlErrorCode.NOT_FOUND,
      `Bid ${id} was not found`,
      {
        bidId: id,
      },
    );
  }

  static orderNotFound(id: string): MarketplaceException {
    return new MarketplaceException(
      MarketplaceErrorCode.ORDER_NOT_FOUND,
      GraphqlErrorCode.NOT_FOUND,
      `Production order ${id} was not found`,
      { orderId: id },
    );
  }

  static conflict(
    code: MarketplaceErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ): MarketplaceException {
    return new MarketplaceException(code, GraphqlErrorCode.CONFLICT, message, details);
  }

  static forbidden(code: MarketplaceErrorCode, message: string): MarketplaceException {
    return new MarketplaceException(code, GraphqlErrorCode.FORBIDDEN, message);
  }

  static invalid(code: MarketplaceErrorCode, field: string, message: string): MarketplaceException {
    return new MarketplaceException(code, GraphqlErrorCode.BAD_USER_INPUT, message, {
      fieldErrors: [{ field, message }],
    });
  }

  private constructor(
    reason: MarketplaceErrorCode,
    code: GraphqlErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(reason, code, message, details);
  }
}
