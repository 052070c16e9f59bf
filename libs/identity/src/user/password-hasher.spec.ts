import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('hashes with argon2id, m=19 MiB, t=2, p=1 and verifies', async () => {
    const hashed = await hasher.hash('correct horse battery staple');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(hasher.verify(hashed, 'correct horse battery staple')).resolves.toBe(true);
    await expect(hasher.verify(hashed, 'wrong')).resolves.toBe(false);
  });

  it('treats a malformed hash as a failed check', async () => {
    await expect(hasher.verify('not-a-hash', 'x')).resolves.toBe(false);
    await expect(hasher.verifyAgainstNothing('x')).resolves.toBe(false);
  });
});
