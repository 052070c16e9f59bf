import { Injectable } from '@nestjs/common';
import { Algorithm, hash, Options, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's minimum: 19 MiB memory, 2 passes, 1 lane. `Algorithm` is a const enum
 * that isolated-module compilers (SWC) cannot inline, so its value is spelled out.
 */
const ARGON2ID = 2 as Algorithm;
export const PASSWORD_HASH_OPTIONS: Readonly<Options> = Object.freeze({
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
});

@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, PASSWORD_HASH_OPTIONS);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** Spends the same work as a real check, so an unknown email is not told apart by timing. */
  async verifyAgainstNothing(password: string): Promise<false> {
    this.dummyHash ??= this.hash('an account that does not exist');
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
