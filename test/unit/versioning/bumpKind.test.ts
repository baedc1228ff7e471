import * as assert from 'node:assert/strict';
import { bumpKind, type BumpKind } from '../../../src/versioning';

describe('bumpKind', () => {
  const table: [string, string, BumpKind][] = [
    ['1.2.3', '1.2.4', 'patch'],
    ['1.2.3', '1.3.0', 'minor'],
    ['1.2.3', '2.0.0', 'major'],
    ['1.2.3', '1.3.5', 'minor'],
    ['1.2.3', '1.3.0-beta.1', 'minor'],
    ['1.2.3', '2.0.0-rc.1', 'major'],
    ['1.3.0-beta.1', '1.3.0-beta.2', 'prerelease'],
    ['1.3.0-rc.1', '1.3.0', 'prerelease'],
    ['1.3.0-beta.2', '1.3.1', 'patch'],
    ['1.2.3', '1.2.3', 'none'],
    ['1.2.3+a', '1.2.3+b', 'none'],
    ['v1.2.3', '1.2.3', 'none'],
    ['2.0.0', '1.9.9', 'downgrade'],
    ['1.2.3', '1.2.3-1', 'downgrade'],
    ['1.0.0', '1.0.0-rc.1', 'downgrade'],
    ['1.0.99999999999999999999', '1.0.100000000000000000000', 'patch'],
    ['1.0', '1.1', 'not-semver'],
    ['1.0.0', '2021.03.05', 'not-semver'],
    ['snapshot', '1.0.0', 'not-semver'],
  ];
  for (const [from, to, kind] of table) {
    it(`${from} → ${to} is ${kind}`, () => assert.equal(bumpKind(from, to), kind));
  }
});
