import * as assert from 'node:assert/strict';
import { changelogUrl, extractReleaseNotes } from '../../../src/publish/releaseNotes';

const CHANGELOG = `# Changelog

## [Unreleased]
- Work in progress

## [1.4.0] - 2026-01-02
### Added
- Severe-weather alerts.

\`\`\`
## 9.9.9 inside a code block is not a heading
\`\`\`

## [1.4.0-beta.1] - 2025-12-20
- Preview of alerts.

## v1.3.2 (2025-11-01)
- Fix: date line.

## 11.4.0
- Far future.
`;

describe('release notes from CHANGELOG.md', () => {
  it('takes the section of the version, sub-headings and code blocks included', () => {
    assert.equal(
      extractReleaseNotes(CHANGELOG, '1.4.0'),
      '### Added\n- Severe-weather alerts.\n\n```\n## 9.9.9 inside a code block is not a heading\n```',
    );
  });

  it('matches the version as a whole token in common heading styles', () => {
    assert.equal(extractReleaseNotes(CHANGELOG, '1.4.0-beta.1'), '- Preview of alerts.');
    assert.equal(extractReleaseNotes(CHANGELOG, '1.3.2'), '- Fix: date line.');
    assert.equal(extractReleaseNotes(CHANGELOG, '11.4.0'), '- Far future.');
    assert.equal(extractReleaseNotes(CHANGELOG, '1.4'), undefined);
    assert.equal(extractReleaseNotes(CHANGELOG, '2.0.0'), undefined);
  });

  it('has nothing for an empty section', () => {
    assert.equal(extractReleaseNotes('## 1.0.0\n\n## 0.9.0\n- old', '1.0.0'), undefined);
  });

  it('links to the CHANGELOG at the commit on GitHub and GitLab, else to the repository', () => {
    assert.equal(changelogUrl('https://github.com/acme/weather.git', 'servers/weather/CHANGELOG.md', 'abc'), 'https://github.com/acme/weather/blob/abc/servers/weather/CHANGELOG.md');
    assert.equal(changelogUrl('https://gitlab.com/acme/weather', 'CHANGELOG.md', undefined), 'https://gitlab.com/acme/weather/-/blob/HEAD/CHANGELOG.md');
    assert.equal(changelogUrl('https://git.example.com/acme/weather', 'CHANGELOG.md', 'abc'), 'https://git.example.com/acme/weather');
    assert.equal(changelogUrl('git@github.com:acme/weather.git', 'CHANGELOG.md', 'abc'), undefined);
  });
});
