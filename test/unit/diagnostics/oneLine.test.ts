import * as assert from 'node:assert/strict';
import { notShownYet, repeats } from '../../../src/diagnostics/model/oneLine';

describe('one problem, one line (registry issues against the problems already shown)', () => {
  const ERROR = 0;
  const WARNING = 1;

  it('a registry error on a line where the editor already shows an error is a repeat', () => {
    assert.equal(repeats({ line: 4, severity: ERROR }, [{ line: 2, severity: WARNING }, { line: 4, severity: ERROR }]), true);
  });

  it('a different line, or a different severity, is a problem of its own', () => {
    assert.equal(repeats({ line: 5, severity: ERROR }, [{ line: 4, severity: ERROR }]), false);
    assert.equal(repeats({ line: 4, severity: ERROR }, [{ line: 4, severity: WARNING }]), false, 'the registry refuses what the editor only warns about');
    assert.equal(repeats({ line: 4, severity: ERROR }, []), false);
  });

  it('keeps the problems not shown yet, in their order', () => {
    const issues = [{ id: 'a', line: 1, severity: ERROR }, { id: 'b', line: 4, severity: ERROR }, { id: 'c', line: 9, severity: WARNING }];
    assert.deepEqual(notShownYet(issues, [{ line: 4, severity: ERROR }], (i) => i).map((i) => i.id), ['a', 'c']);
  });
});
