import { Notification } from './notification.entity';
import {
  fromNotificationEvent,
  notificationChannel,
  toNotificationEvent,
} from './notification-event';
import { NotificationKind } from './notification-kind.enum';

const sample = (): Notification =>
  Object.assign(new Notification(), {
    id: '9f0c2a4e-6a43-4a4b-9d1f-0a4f1c2e3b4d',
    recipientId: '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9',
    kind: NotificationKind.BID_ACCEPTED,
    title: 'Your bid was accepted',
    body: '“Fuyun tea set”, 500 units.',
    payload: { projectId: 'p-1', bidId: 'b-1', tiers: [{ quantity: 500 }] },
    readAt: null,
    createdAt: new Date('2026-11-28T10:00:00.123Z'),
    updatedAt: new Date('2026-11-28T10:00:00.123Z'),
  });

describe('notificationChannel', () => {
  it('is one channel per user under the deployment prefix', () => {
    expect(notificationChannel('cc', 'u-1')).toBe('cc:notifications:user:u-1');
    expect(notificationChannel('{cc}', 'u-1')).toBe('{cc}:notifications:user:u-1');
    expect(notificationChannel('cc', 'u-1')).not.toBe(notificationChannel('cc', 'u-2'));
    expect(notificationChannel('a', 'u-1')).not.toBe(notificationChannel('b', 'u-1'));
  });
});

describe('notification events', () => {
  it('survive JSON (the Redis hop) with their dates and payload intact', () => {
    const original = sample();
    const wire = JSON.parse(JSON.stringify(toNotificationEvent(original))) as unknown;
    const back = fromNotificationEvent(wire);
    expect(back).toBeInstanceOf(Notification);
    expect(back).toEqual(original);
    expect(back.createdAt).toBeInstanceOf(Date);
  });

  it('carry readAt when set', () => {
    const read = Object.assign(sample(), { readAt: new Date('2026-11-29T08:00:00.000Z') });
    const back = fromNotificationEvent(JSON.parse(JSON.stringify(toNotificationEvent(read))));
    expect(back.readAt).toEqual(read.readAt);
  });

  it('encode dates as ISO strings', () => {
    expect(toNotificationEvent(sample())).toMatchObject({
      createdAt: '2026-11-28T10:00:00.123Z',
      readAt: null,
    });
  });

  it.each([
    ['null', null],
    ['a string', 'hello'],
    ['an unknown kind', { ...toNotificationEvent(sample()), kind: 'NOPE' }],
    ['no recipient', { ...toNotificationEvent(sample()), recipientId: undefined }],
    ['a payload that is not an object', { ...toNotificationEvent(sample()), payload: 'x' }],
    ['a date that is not a string', { ...toNotificationEvent(sample()), createdAt: 5 }],
  ])('refuse %s', (_label, value) => {
    expect(() => fromNotificationEvent(value)).toThrow('not a notification event');
  });
});
