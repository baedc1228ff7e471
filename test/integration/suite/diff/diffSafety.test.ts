import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { docsScreenshot, evaluate, screenshot, waitFor } from '../../harness';
import { WEATHER, XSS_SERVER, XSS_TEXT, weather, xss } from './fixtures';
import { api, click, closePanels, inPanel, openAndRender, panelText, ref, REGISTRY_NAME, startRegistryWith } from './helpers';

describe('version diff panel: hostile registry data and themes', function () {
  this.timeout(60_000);
  let reg: LocalRegistry;

  before(async () => {
    reg = await startRegistryWith([weather('1.0.0'), weather('1.0.1', 'breaking-patch')], [xss('1.0.0'), xss('1.0.1')]);
    await vscode.workspace.getConfiguration('mcpVersions').update('registries', [{ name: REGISTRY_NAME, url: reg.url, auth: 'none' }], vscode.ConfigurationTarget.Global);
  });

  afterEach(closePanels);

  after(async () => {
    await closePanels();
    await vscode.workspace.getConfiguration('mcpVersions').update('registries', undefined, vscode.ConfigurationTarget.Global);
    await reg?.close();
  });

  it('shows markup, </script> and javascript: URLs from every field as text, and none of it runs', async () => {
    const { diff } = await api();
    await openAndRender(() => diff.open(ref(reg, XSS_SERVER, '1.0.0'), ref(reg, XSS_SERVER, '1.0.1')));
    await click('show-unchanged');
    await waitFor('unchanged rows', async () => ((await panelText('.row.kind-unchanged')).length > 0 ? true : undefined));
    const frames = [...(await evaluate('typeof window.__mcpvXss', { inWebviews: true })), ...(await evaluate('typeof window.__mcpvXss'))];
    assert.ok(frames.length >= 2);
    for (const frame of frames) assert.ok(frame.error !== undefined || frame.value === 'undefined', `the payload ran in ${frame.url}`);
    assert.deepEqual(await inPanel<number>(`document.querySelector('#app') ? document.querySelectorAll('#app img, #app script, #app a, #app iframe').length : undefined`), [0]);
    const values = (await panelText('.value')).join('\n');
    assert.ok(values.includes(XSS_TEXT), 'the markup is not shown as text');
    assert.ok(values.includes('</script><script>window.__mcpvXss=2</script>'));
    assert.ok(values.includes('javascript:window.__mcpvXss=3//1.0.1'));
    const names = (await panelText('.row .item-name')).join('\n');
    assert.ok(names.includes(`${XSS_TEXT}1.0.1`), 'an environment variable name with markup is not shown as text');
    await screenshot('diff-xss');
  });

  it('fits 400 px without horizontal scrolling, long registry strings included, and is reachable from the keyboard', async () => {
    const { diff } = await api();
    await openAndRender(() => diff.open(ref(reg, XSS_SERVER, '1.0.0'), ref(reg, XSS_SERVER, '1.0.1')));
    await click('show-unchanged');
    await waitFor('unchanged rows', async () => ((await panelText('.row.kind-unchanged')).length > 0 ? true : undefined));
    const [layout] = await inPanel<{ overflowing: string[]; scrollWidth: number }>(`(() => {
      document.body.style.width = '400px';
      const overflowing = [...document.querySelectorAll('#app *')].filter((e) => e.getBoundingClientRect().right > 401).map((e) => e.className || e.tagName);
      const scrollWidth = document.body.scrollWidth;
      document.body.style.width = '';
      return { overflowing, scrollWidth };
    })()`);
    assert.deepEqual(layout.overflowing, []);
    assert.ok(layout.scrollWidth <= 400, `scrolls horizontally: ${layout.scrollWidth}px`);

    // Buttons are in the tab order themselves; the checkbox delegates focus to the input in its shadow root.
    const [focusable] = await inPanel<{ controls: string[]; headers: boolean[] }>(`({
      controls: [...document.querySelectorAll('vscode-button, vscode-checkbox')].map((e) => {
        const inner = e.shadowRoot?.querySelector('input, button, [tabindex]');
        const tabbable = e.tabIndex >= 0 || (inner !== null && inner !== undefined && inner.tabIndex >= 0);
        e.focus();
        return (e.id || e.tagName) + ':' + (tabbable && document.activeElement === e);
      }),
      headers: [...document.querySelectorAll('vscode-collapsible')].map((c) => c.shadowRoot?.querySelector('[tabindex="0"]') !== null),
    })`);
    assert.deepEqual(focusable.controls, ['show-unchanged:true', 'swap:true', 'json-diff:true', 'copy-markdown:true']);
    assert.deepEqual(focusable.headers, [true, true, true, true]);
    await inPanel<boolean>(`(() => { const box = document.getElementById('show-unchanged'); box.focus(); box.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true })); return true; })()`);
    await waitFor('Space to hide unchanged rows again', async () => ((await panelText('.row.kind-unchanged')).length === 0 ? true : undefined));
  });

  it('follows the light, dark and high contrast themes (and the README\'s diff pictures)', async () => {
    const { diff } = await api();
    const config = vscode.workspace.getConfiguration('workbench');
    const previous = config.inspect<string>('colorTheme')?.globalValue;
    try {
      await closePanels();
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await openAndRender(() => diff.open(ref(reg, WEATHER, '1.0.0'), ref(reg, WEATHER, '1.0.1')));
      for (const [theme, kind, file, inDocs] of [
        ['Default Light Modern', 'vscode-light', 'diff-light', true],
        ['Default Dark Modern', 'vscode-dark', 'diff-dark', true],
        ['Default High Contrast', 'vscode-high-contrast', 'diff-high-contrast', false],
      ] as const) {
        await config.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        await waitFor(`the ${theme} theme in the panel`, async () => ((await inPanel<boolean>(`document.body.classList.contains('${kind}')`)).includes(true) ? true : undefined));
        await (inDocs ? docsScreenshot(file) : screenshot(file));
      }
    } finally {
      await config.update('colorTheme', previous, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
    }
  });
});
