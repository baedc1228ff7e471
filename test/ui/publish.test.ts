// Publish Version as a user sees it in the real workbench: the modal confirmation VS Code shows (the test
// extension host refuses modals, so only this layer sees it), Cancel, then Publish.
import * as assert from 'node:assert/strict';
import type { LocalRegistry } from '../../tools/local-registry';
import { createWorkspace, publishHistory, registryVersion, sampleServer, startRegistry, type Workspace } from './fixtures';
import { eventually, expand, keepFailures, modalDialog, openWorkbench, row, rowsWhen, runFromPalette, screenshot, type Workbench } from './workbench';

const SERVER = 'io.github.acme-labs/weather';
const REGISTRY = 'Local registry';
const CHANGELOG = '# Changelog\n\n## 1.5.0\n- Hourly forecasts (`get_hourly_forecast`).\n- Alerts name the issuing agency.\n\n';

describe('UI: Publish Version confirmation', function () {
  let registry: LocalRegistry;
  let workspace: Workspace;
  let workbench: Workbench;
  const publishes = () => registry.requests().filter((r) => r.method === 'POST' && /\/publish$/.test(r.path)).length;
  let publishesAfterCancel: number | undefined;

  before(async function () {
    registry = await startRegistry({ sandboxNamespaces: ['io.github.acme-labs/*'] });
    await publishHistory(registry, SERVER, ['1.3.0', '1.4.0']);
    workspace = createWorkspace(sampleServer(SERVER, '1.5.0'), [{ name: REGISTRY, url: registry.url, auth: 'none' }], {
      changelog: CHANGELOG,
      settings: { 'workbench.colorTheme': 'Default Light Modern' }, // the README's pictures are light
    });
    workbench = await openWorkbench(workspace.dir);
    await rowsWhen(workbench.page, 'This Workspace', 'the server.json ready to publish', (rows) => rows.some((r) => r.description.includes('1.5.0') && r.description.startsWith('ready')));
  });

  const failed = keepFailures(() => workbench);

  after(async () => {
    await workbench?.close({ keep: failed() });
    await registry?.close();
    workspace?.remove();
  });

  it('shows a modal naming server, version, registry, latest and "cannot be undone"; Cancel publishes nothing', async () => {
    const { page } = workbench;
    await runFromPalette(page, 'MCP Versions: Publish Version…');
    const dialog = await modalDialog(page);
    assert.equal(dialog.message, `Publish ${SERVER}@1.5.0 to ${REGISTRY}?`);
    assert.ok(dialog.detail.includes(`Registry: ${REGISTRY} (${registry.url})`), dialog.detail);
    assert.ok(dialog.detail.includes('It will become the latest version (instead of 1.4.0).'), dialog.detail);
    assert.match(dialog.detail, /This cannot be undone/);
    assert.deepEqual([...dialog.buttons].sort(), ['Cancel', 'Publish']);
    await screenshot(page, 'publish-confirm-palette');

    await dialog.press('Cancel');
    await rowsWhen(page, 'This Workspace', 'the server.json still ready to publish', (rows) => rows.some((r) => r.description.includes('1.5.0') && r.description.startsWith('ready')));
    assert.equal((await registryVersion(registry.url, SERVER, '1.5.0')).status, 404);
    // The next test's Publish comes after anything the Cancel could have sent: it checks the count then.
    publishesAfterCancel = publishes();
  });

  it('publishes from the view title button after "Publish"; the registry and the Registry tree have 1.5.0 as latest', async () => {
    const { page } = workbench;
    // The server.json open beside the views, as when a user publishes what they just edited.
    await page.keyboard.press('Control+P');
    await page.keyboard.type('server.json', { delay: 5 });
    await eventually('Quick Open to offer server.json', async () => ((await page.locator('.quick-input-widget .monaco-list-row.focused .label-name').innerText()).trim() === 'server.json' ? true : undefined), 15_000);
    await page.keyboard.press('Enter');
    await page.locator('.editor-group-container .tab', { hasText: 'server.json' }).waitFor({ timeout: 15_000 });

    const header = page.locator('.pane-header[aria-label^="This Workspace"]');
    await header.hover();
    await header.locator('.action-label[aria-label="Publish Version…"]').click();
    const dialog = await modalDialog(page);
    assert.equal(dialog.message, `Publish ${SERVER}@1.5.0 to ${REGISTRY}?`);
    assert.match(dialog.detail, /Provenance attached: commit [0-9a-f]{12}, release notes, checksum\./);
    await screenshot(page, 'publish-confirm', { docs: true });

    await dialog.press('Publish');
    const published = await eventually('the registry to have 1.5.0', async () => {
      const found = await registryVersion(registry.url, SERVER, '1.5.0');
      return found.status === 200 ? found : undefined;
    });
    assert.equal(published.official?.isLatest, true);
    assert.equal((await registryVersion(registry.url, SERVER, '1.4.0')).official?.isLatest, false);
    if (publishesAfterCancel !== undefined) assert.equal(publishes(), publishesAfterCancel + 1, 'one POST /publish, none from the Cancel');

    await expand(await row(page, 'Registry', SERVER));
    const rows = await rowsWhen(page, 'Registry', '1.5.0 listed as latest', (shown) => shown.some((r) => r.label === '1.5.0' && r.description.includes('latest')));
    assert.deepEqual(rows.filter((r) => r.description.includes('latest')).map((r) => r.label), ['1.5.0'], 'only 1.5.0 is marked latest');
    await screenshot(page, 'publish-done');
  });
});
