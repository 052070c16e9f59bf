import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { decodeMessage, encodeMessage, PubSubConnection, RedisPubSub } from './redis-pubsub';

/** Just enough of ioredis: records commands; `deliver` plays Redis sending a message. */
class FakeConnection extends EventEmitter {
  status = 'ready';
  commands: string[] = [];
  published: [string, string][] = [];

  async publish(channel: string, message: string) {
    this.published.push([channel, message]);
    return 1;
  }

  pipeline() {
    const queued: [string, string][] = [];
    const pipeline = {
      publish: (channel: string, message: string) => {
        queued.push([channel, message]);
        return pipeline;
      },
      exec: async () => {
        this.commands.push(`PIPELINE ${queued.length}`);
        this.published.push(...queued);
        return queued.map(() => [null, 1]);
      },
    };
    return pipeline;
  }

  async subscribe(channel: string) {
    this.commands.push(`SUBSCRIBE ${channel}`);
    return 1;
  }

  async unsubscribe(channel: string) {
    this.commands.push(`UNSUBSCRIBE ${channel}`);
    return 0;
  }

  async quit() {
    this.commands.push('QUIT');
    this.status = 'end';
    return 'OK';
  }

  disconnect() {
    this.commands.push('DISCONNECT');
    this.status = 'end';
  }

  deliver(channel: string, message: string) {
    this.emit('message', channel, message);
  }
}

function setUp() {
  const publisher = new FakeConnection();
  const subscriber = new FakeConnection();
  const pubsub = new RedisPubSub(
    publisher as unknown as PubSubConnection,
    subscriber as unknown as PubSubConnection,
  );
  return { publisher, subscriber, pubsub };
}

describe('message encoding', () => {
  it('is JSON both ways', () => {
    const payload = { id: 'n-1', at: '2026-11-28T10:00:00.000Z', nested: { list: [1, 'two'] } };
    expect(decodeMessage(encodeMessage(payload))).toEqual(payload);
  });

  it('decodes garbage as undefined rather than throwing', () => {
    expect(decodeMessage('{not json')).toBeUndefined();
  });
});

describe('RedisPubSub', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['error', 'warn', 'log']));

  it('publishes JSON, and several messages in one pipeline', async () => {
    const { publisher, pubsub } = setUp();
    await pubsub.publish('c:1', { a: 1 });
    await pubsub.publishMany([
      { channel: 'c:1', payload: { b: 2 } },
      { channel: 'c:2', payload: { c: 3 } },
    ]);
    await pubsub.publishMany([]);
    expect(publisher.published).toEqual([
      ['c:1', '{"a":1}'],
      ['c:1', '{"b":2}'],
      ['c:2', '{"c":3}'],
    ]);
    expect(publisher.commands).toEqual(['PIPELINE 2']);
  });

  it('shares one Redis SUBSCRIBE per channel and UNSUBSCRIBEs when the last local subscriber leaves', async () => {
    const { subscriber, pubsub } = setUp();
    const first = await pubsub.subscribe('c:1', () => undefined);
    const second = await pubsub.subscribe('c:1', () => undefined);
    const other = await pubsub.subscribe('c:2', () => undefined);
    expect(subscriber.commands).toEqual(['SUBSCRIBE c:1', 'SUBSCRIBE c:2']);

    pubsub.unsubscribe(first);
    expect(subscriber.commands).toHaveLength(2);
    pubsub.unsubscribe(second);
    pubsub.unsubscribe(second); // twice is harmless
    expect(subscriber.commands.at(-1)).toBe('UNSUBSCRIBE c:1');
    expect(pubsub.activeChannels()).toEqual(['c:2']);

    // Subscribing again after the channel emptied subscribes again.
    await pubsub.subscribe('c:1', () => undefined);
    expect(subscriber.commands.at(-1)).toBe('SUBSCRIBE c:1');
    pubsub.unsubscribe(other);
  });

  it('hands each message, decoded, to the subscribers of its channel only', async () => {
    const { subscriber, pubsub } = setUp();
    const one: unknown[] = [];
    const two: unknown[] = [];
    await pubsub.subscribe('c:1', (payload: unknown) => one.push(payload));
    await pubsub.subscribe('c:2', (payload: unknown) => two.push(payload));
    subscriber.deliver('c:1', '{"n":1}');
    subscriber.deliver('c:2', '{"n":2}');
    subscriber.deliver('c:3', '{"n":3}');
    expect(one).toEqual([{ n: 1 }]);
    expect(two).toEqual([{ n: 2 }]);
  });

  it('drops a message that is not JSON, and survives a failing subscriber', async () => {
    const { subscriber, pubsub } = setUp();
    const received: unknown[] = [];
    await pubsub.subscribe('c:1', () => {
      throw new Error('boom');
    });
    await pubsub.subscribe('c:1', (payload: unknown) => received.push(payload));
    subscriber.deliver('c:1', 'not json');
    subscriber.deliver('c:1', '{"ok":true}');
    expect(received).toEqual([{ ok: true }]);
  });

  it('works as a graphql-subscriptions async iterator, and return() unsubscribes', async () => {
    const { subscriber, pubsub } = setUp();
    const iterator = pubsub.asyncIterableIterator<{ n: number }>('c:1');
    const next = iterator.next();
    await new Promise((resolve) => setImmediate(resolve));
    expect(subscriber.commands).toEqual(['SUBSCRIBE c:1']);
    subscriber.deliver('c:1', '{"n":7}');
    expect(await next).toEqual({ value: { n: 7 }, done: false });
    await iterator.return!();
    expect(subscriber.commands).toEqual(['SUBSCRIBE c:1', 'UNSUBSCRIBE c:1']);
  });

  it('fails the subscriber (and forgets it) when Redis refuses the SUBSCRIBE', async () => {
    const { subscriber, pubsub } = setUp();
    subscriber.subscribe = async () => {
      throw new Error('connection lost');
    };
    await expect(pubsub.subscribe('c:1', () => undefined)).rejects.toThrow('connection lost');
    expect(pubsub.activeChannels()).toEqual([]);
  });

  it('closes both connections once: QUIT when ready, DISCONNECT otherwise', async () => {
    const { publisher, subscriber, pubsub } = setUp();
    publisher.status = 'wait'; // lazy, never connected
    await pubsub.subscribe('c:1', () => undefined);
    await pubsub.close();
    await pubsub.close();
    expect(publisher.commands).toEqual(['DISCONNECT']);
    expect(subscriber.commands).toEqual(['SUBSCRIBE c:1', 'QUIT']);
    await expect(pubsub.subscribe('c:1', () => undefined)).rejects.toThrow('closed');
  });
});
