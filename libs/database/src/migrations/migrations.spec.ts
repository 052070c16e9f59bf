import { readdirSync } from 'node:fs';
import { MIGRATIONS } from './index';

describe('MIGRATIONS', () => {
  it('lists every migration file in this folder, in timestamp order', () => {
    const files = readdirSync(__dirname)
      .filter((file) => /^\d+-.+\.ts$/.test(file) && !file.endsWith('.spec.ts'))
      .sort();
    const expected = files.map((file) => {
      const [timestamp, name] = file.replace(/\.ts$/, '').split('-');
      return `${name}${timestamp}`;
    });
    expect(MIGRATIONS.map((migration) => migration.name)).toEqual(expected);
  });
});
