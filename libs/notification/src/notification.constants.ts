/** The `RedisPubSub` that carries notifications between api replicas. */
export const NOTIFICATION_PUBSUB = Symbol('NOTIFICATION_PUBSUB');

export const MAX_TITLE_LENGTH = 200;
export const MAX_BODY_LENGTH = 2000;
/** Bytes of JSON; the payload names things, it does not carry them. */
export const MAX_PAYLOAD_BYTES = 4096;
export const MAX_MARK_READ_IDS = 100;
