import * as assert from 'node:assert/strict';
import { escapeMarkdown, summaryMarkdown } from '../../../src/diff/markdown';
import { buildDiffView } from '../../../src/diff/viewModel';
import { SECRET, side, weather } from './fixtures';

describe('diff summary as Markdown', () => {
  it('heads with both versions and lists changes under their impact, the version itself not listed', () => {
    const after = weather('2.0.0', { remotes: [], description: 'Better forecasts' });
    (after.packages as unknown[]).push({ registryType: 'pypi', identifier: 'acme-weather', transport: { type: 'stdio' } });
    const markdown = summaryMarkdown(buildDiffView(side(weather('1.0.0'), { isLatest: true }), side(after)));
    const lines = markdown.split('\n');
    assert.equal(lines[0], '### io.github.acme/weather: `1.0.0` (Local test registry, latest) → `2.0.0` (Local test registry)');
    assert.match(markdown, /\*\*1 breaking change\*\*, 1 additive change, \d+ metadata changes\./);
    const breaking = lines.indexOf('#### Breaking');
    const additive = lines.indexOf('#### Additive');
    const metadata = lines.indexOf('#### Metadata');
    assert.ok(breaking > 0 && additive > breaking && metadata > additive, markdown);
    assert.match(lines[breaking + 2], /^- removes the remote sse https:\/\/acme\.example\/sse/);
    assert.match(lines[additive + 2], /^- adds the package pypi acme-weather/);
    assert.ok(!/the version 1\.0\.0/.test(markdown), 'the top-level version change is listed as a change');
    assert.ok(!markdown.includes(SECRET));
  });

  it('flags an understated bump in the quote line', () => {
    const markdown = summaryMarkdown(buildDiffView(side(weather('1.0.0')), side(weather('1.0.1', { remotes: [] }))));
    assert.match(markdown, /^> ⚠️ \*\*The version number understates the changes\.\*\* 1\.0\.0 → 1\.0\.1 is a patch, but/m);
  });

  it('says so when nothing but the version changed', () => {
    const markdown = summaryMarkdown(buildDiffView(side(weather('1.0.0')), side(weather('1.0.0', {}))));
    assert.match(markdown, /No changes besides the version\./);
    assert.match(markdown, /0 breaking changes, 0 additive changes, 0 metadata changes\./);
  });

  it('keeps registry text literal: no HTML, links or emphasis can come out of it', () => {
    const hostile = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) **bold** `code` # heading';
    const escaped = escapeMarkdown(hostile);
    assert.ok(!escaped.includes('<img'));
    assert.ok(!escaped.includes(']('));
    assert.ok(!escaped.includes('**'));
    assert.match(escaped, /^&lt;img src=x onerror=alert\\\(1\\\)&gt; \\\[click\\\]\\\(javascript:alert\\\(1\\\)\\\)/);
    const view = buildDiffView(side(weather('1.0.0')), side(weather('1.1.0', { websiteUrl: 'javascript:alert(1)', description: hostile })));
    const markdown = summaryMarkdown(view);
    assert.ok(!markdown.includes('<img'), markdown);
  });

  it('keeps a multi-line reason on its bullet', () => {
    assert.equal(escapeMarkdown('line one\nline two'), 'line one line two');
  });
});
