import * as assert from 'node:assert/strict';
import { changelogEntry, hasChangelogEntry } from '../../../src/bump/model';

const apply = (text: string, entry: ReturnType<typeof changelogEntry>) => (entry ? text.slice(0, entry.offset) + entry.text + text.slice(entry.offset) : text);

describe('the CHANGELOG entry Bump Version offers', () => {
  it('adds a plain "## 1.5.0" entry above the newest release of a plain changelog, prefilled from the change impact', () => {
    const text = '# Changelog\n\n## 1.4.0\n- Alerts.\n\n## 1.3.2\n- Fix.\n';
    const entry = changelogEntry(text, '1.5.0', '2026-12-03', ['adds the optional environment variable WEATHER_UNITS', 'changes the description']);
    assert.equal(apply(text, entry), '# Changelog\n\n## 1.5.0\n- Adds the optional environment variable WEATHER_UNITS.\n- Changes the description.\n\n## 1.4.0\n- Alerts.\n\n## 1.3.2\n- Fix.\n');
    assert.equal(entry!.text.slice(entry!.bodyAt).startsWith('- Adds'), true);
  });

  it('follows Keep a Changelog: below Unreleased, bracketed and dated', () => {
    const text = '# Changelog\n\n## [Unreleased]\n\n## [1.4.0] - 2026-01-02\n### Added\n- Alerts.\n';
    assert.equal(
      apply(text, changelogEntry(text, '1.5.0', '2026-12-03', [])),
      '# Changelog\n\n## [Unreleased]\n\n## [1.5.0] - 2026-12-03\n- \n\n## [1.4.0] - 2026-01-02\n### Added\n- Alerts.\n',
    );
  });

  it('offers nothing when the version already has an entry, in any usual heading style', () => {
    for (const heading of ['## 1.5.0', '## [1.5.0] - 2026-12-03', '## v1.5.0 (2026-12-03)', '### 1.5.0: the alerts release']) {
      assert.equal(changelogEntry(`# Changelog\n\n${heading}\n- x\n`, '1.5.0', '2026-12-03', []), undefined, heading);
    }
    assert.equal(hasChangelogEntry('## 1.5.0-beta.1\n## 11.5.0\n', '1.5.0'), false);
  });

  it('starts a changelog when there is none, keeps CRLF line ends, and ignores headings in code', () => {
    assert.equal(changelogEntry(undefined, '1.0.0', '2026-12-03', ['adds the tool get_alerts'])!.text, '# Changelog\n\n## [1.0.0] - 2026-12-03\n- Adds the tool get_alerts.\n\n');
    const crlf = '# Changelog\r\n\r\n## 1.4.0\r\n- Alerts.\r\n';
    assert.equal(changelogEntry(crlf, '1.5.0', '2026-12-03', [])!.text, '## 1.5.0\r\n- \r\n\r\n');
    assert.equal(hasChangelogEntry('```\n## 1.5.0\n```\n', '1.5.0'), false);
  });
});
