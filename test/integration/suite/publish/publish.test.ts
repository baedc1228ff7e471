// Publish Version against the local registry with anonymous sign-in (`auth: 'none'`): the happy path,
// pre-flight answers, and every failure. Prompts are answered by ScriptedPrompts through the
// extension's injectable UserPrompts (see helpers.ts); fixtures live in temporary folders.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { PublishError } from '../../../../src/publish';
import type { VersionNode } from '../../../../src/tree/nodes';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { waitFor } from '../../harness';
import { api, fileText, loopbackServer, postSentinel, registryJson, resetPrompts, ScriptedPrompts, startRegistry, usePrompts, useRegistry, writeFixture } from './helpers';

const ANON = 'io.modelcontextprotocol.anonymous';
const PUBLISHER = 'io.modelcontextprotocol.registry/publisher-provided';
const PROVENANCE = 'dev.mcp-versions/provenance';

interface Row { server: Record<string, unknown> & { version: string; _meta?: Record<string, Record<string, Record<string, string>>> }; _meta: Record<string, { isLatest: boolean; status: string }> }
const official = (row: Row) => row._meta['io.modelcontextprotocol.registry/official'];

async function publishFails(uri: vscode.Uri, options?: { signal?: AbortSignal; packageRegistries?: { npm?: string; pypi?: string } }): Promise<PublishError> {
  const { publish } = await api();
  try {
    await publish.run(uri, options);
  } catch (error) {
    return error as PublishError;
  }
  throw new Error('the publish was expected to fail');
}

describe('publish version', function () {
  this.timeout(120_000);
  let reg: LocalRegistry;
  let prompts: ScriptedPrompts;

  before(async () => {
    reg = await startRegistry({ seed: 'none' });
    await useRegistry({ name: 'Local', url: reg.url, auth: 'none' });
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    await vscode.commands.executeCommand('mcpVersions.registry.focus'); // earlier suites may have collapsed it
  });

  beforeEach(async () => {
    reg.faults.clear();
    prompts = new ScriptedPrompts();
    await usePrompts(prompts);
  });

  after(async () => {
    await resetPrompts();
    await reg?.close();
  });

  const version = (name: string, v: string) => registryJson<Row>(`${reg.url}/v0.1/servers/${encodeURIComponent(name)}/versions/${v}?include_deleted=true`);

  it('publishes after a modal confirmation naming server, version, registry and latest; attaches provenance; reveals it in the tree', async () => {
    const name = `${ANON}/publish-happy`;
    const fixture = writeFixture(name, '1.0.0', { git: true });
    const { publish, registryTree } = await api();
    const outcome = await publish.run(fixture.uri);
    assert.equal(outcome.kind, 'published');
    assert.equal(outcome.isLatest, true);
    const [confirmation] = prompts.confirmations();
    assert.equal(confirmation.message, `Publish ${name}@1.0.0 to Local?`);
    assert.equal(confirmation.modal, true);
    assert.match(confirmation.detail!, /Registry: Local \(http:\/\/127\.0\.0\.1:\d+\)/);
    assert.match(confirmation.detail!, /It will become the latest version\./);
    assert.match(confirmation.detail!, /cannot be undone/);
    assert.deepEqual(confirmation.actions, ['Publish']);

    const { status, body } = await version(name, '1.0.0');
    assert.equal(status, 200);
    const provenance = body.server._meta![PUBLISHER][PROVENANCE];
    assert.equal(provenance.commit, execFileSync('git', ['rev-parse', 'HEAD'], { cwd: fixture.dir, encoding: 'utf8' }).trim());
    assert.equal(provenance.notes, '- Published by the publish tests.');
    assert.equal(provenance.sha256, outcome.provenance?.sha256);
    assert.equal(fileText(fixture), fixture.text, 'the provenance goes into the POST body only');

    const top = await registryTree.provider.getChildren();
    const server = top.find((n) => n.kind === 'server' && n.name === name);
    assert.ok(server, 'the new server is listed');
    const versions = (await registryTree.provider.getChildren(server)) as VersionNode[];
    assert.deepEqual(versions.map((v) => v.row.version), ['1.0.0']);
    const details = await registryTree.provider.getChildren(versions[0]);
    const provenanceItem = registryTree.provider.getTreeItem(details.find((d) => d.kind === 'detail' && d.label === 'Provenance')!);
    assert.match(String(provenanceItem.description), /^verified/);
    await waitFor('the new version to be revealed and selected', () => (registryTree.view.selection[0] as VersionNode | undefined)?.id === versions[0].id || undefined);
    assert.ok(prompts.calls.some((c) => c.kind === 'info' && c.message === `Published ${name}@1.0.0 to Local — it is now the latest version.`));
  });

  it('says before publishing that a lower version will not become latest, and the registry agrees', async () => {
    const name = `${ANON}/publish-lower`;
    await (await api()).publish.run(writeFixture(name, '2.0.0').uri);
    const outcome = await (await api()).publish.run(writeFixture(name, '1.5.0').uri);
    assert.match(prompts.confirmations()[1].detail!, /It will not be the latest version: 2\.0\.0 stays latest\./);
    assert.equal(outcome.isLatest, false);
    assert.equal(official((await version(name, '2.0.0')).body).isLatest, true);
  });

  it('reports a re-run of the very same document as published, without asking or posting again', async () => {
    const name = `${ANON}/publish-rerun`;
    const fixture = writeFixture(name, '1.0.0');
    await (await api()).publish.run(fixture.uri);
    const sentinel = postSentinel(reg);
    const outcome = await (await api()).publish.run(fixture.uri);
    assert.equal(outcome.kind, 'already-published');
    assert.ok(sentinel.unused(), 'no second POST /publish');
    assert.equal(prompts.confirmations().length, 1, 'only the first run asked');
    assert.ok(prompts.calls.some((c) => c.kind === 'info' && /already published to Local with exactly this server\.json/.test(c.message)));
  });

  it('refuses a changed document at a published version and offers Bump Version', async () => {
    const name = `${ANON}/publish-changed`;
    const fixture = writeFixture(name, '1.0.0');
    await (await api()).publish.run(fixture.uri);
    const changed = fixture.text.replace('A server the publish tests publish', 'A changed description');
    await vscode.workspace.fs.writeFile(fixture.uri, Buffer.from(changed));
    const sentinel = postSentinel(reg);
    const error = await publishFails(fixture.uri);
    assert.equal(error.reason, 'duplicate');
    assert.match(error.message, /already published to Local with different content.*bump the version/);
    assert.deepEqual(error.actions.map((a) => a.title), ['Bump Version']);
    assert.ok(sentinel.unused());
    assert.equal(fileText(fixture), changed, 'the file is not touched');
  });

  it('shows the registry’s validation issues on the lines they are about and publishes nothing', async () => {
    const name = `${ANON}/publish-invalid`;
    const fixture = writeFixture(name, '1.0.0', { extra: { packages: [{ registryType: 'oci', identifier: 'ghcr.io/acme/x:1.0.0', transport: { type: 'carrier-pigeon' } }] } });
    const sentinel = postSentinel(reg);
    const error = await publishFails(fixture.uri);
    assert.equal(error.reason, 'invalid-remote');
    assert.match(error.message, /Local rejects .*server\.json: \d+ problems?, shown in the file/);
    const diagnostics = (await api()).publish.issues(fixture.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.ok(diagnostics.length > 0);
    const lines = fixture.text.split('\n');
    const packagesStart = lines.findIndex((l) => l.includes('"packages"'));
    const pigeonLine = lines.findIndex((l) => l.includes('carrier-pigeon'));
    assert.ok(diagnostics.every((d) => d.source === 'MCP Registry' && d.range.start.line >= packagesStart && d.range.start.line <= pigeonLine + 2), diagnostics.map((d) => `${d.range.start.line}: ${d.message}`).join('\n'));
    assert.ok(sentinel.unused());
    assert.equal(fileText(fixture), fixture.text);
    assert.equal((await version(name, '1.0.0')).status, 404);
  });

  it('refuses a file with local errors before asking the registry anything', async () => {
    const fixture = writeFixture(`${ANON}/-bad-name-`, '1.0.0');
    const validate = postSentinel(reg, '/validate$');
    const publish = postSentinel(reg);
    const error = await publishFails(fixture.uri);
    assert.equal(error.reason, 'invalid-local');
    assert.match(error.message, /has 1 error .*Fix it before publishing/);
    assert.ok(validate.unused() && publish.unused(), 'neither /validate nor /publish was called');
    assert.equal(fileText(fixture), fixture.text);
  });

  it('names the namespaces the identity may publish to on 403, with the organisation-owner hint', async () => {
    const fixture = writeFixture('io.github.acme-org/weather', '1.0.0');
    const error = await publishFails(fixture.uri);
    assert.equal(error.reason, 'forbidden');
    assert.match(error.message, /^Local refused to publish io\.github\.acme-org\/weather@1\.0\.0: your sign-in may publish only to io\.modelcontextprotocol\.anonymous\/\*, and none of these covers it\./);
    assert.match(error.message, /Nothing was published\.$/);
    assert.match(error.message, /Owner of the acme-org organisation on GitHub.*read:org/);
    assert.deepEqual(error.actions.map((a) => a.title), ['Sign In…']);
    assert.equal(fileText(fixture), fixture.text);
  });

  it('a 403 for a name that differs from the sign-in’s namespace only in letter case says so and names the name it covers', async () => {
    const fixture = writeFixture('io.modelcontextprotocol.Anonymous/case-403', '1.0.0');
    const error = await publishFails(fixture.uri);
    assert.equal(error.reason, 'forbidden');
    assert.equal(
      error.message,
      'Local refused to publish io.modelcontextprotocol.Anonymous/case-403@1.0.0: server names are case-sensitive, and your sign-in may publish to io.modelcontextprotocol.anonymous/*, which does not cover io.modelcontextprotocol.Anonymous/case-403. Rename the server to io.modelcontextprotocol.anonymous/case-403. Nothing was published.',
    );
  });

  it('a 403 for a server the sign-in does cover says what the registry refused, not that the namespace is wrong', async () => {
    const fixture = writeFixture(`${ANON}/publish-403`, '1.0.0');
    reg.faults.add({ kind: 'status', status: 403, method: 'POST', path: '/publish$', times: 1 });
    const error = await publishFails(fixture.uri);
    assert.equal(error.reason, 'forbidden');
    assert.match(error.message, /^Local refused to publish io\.modelcontextprotocol\.anonymous\/publish-403@1\.0\.0 \(HTTP 403: Injected fault: Forbidden\.\) Your sign-in covers io\.modelcontextprotocol\.anonymous\/\*, so the namespace is not the reason\./);
    assert.doesNotMatch(error.message, /You cannot publish/);
    assert.equal((await version(`${ANON}/publish-403`, '1.0.0')).status, 404);
  });

  it('asks to sign in again when the registry refuses the token twice (401)', async () => {
    const fixture = writeFixture(`${ANON}/publish-401`, '1.0.0');
    reg.faults.add({ kind: 'status', status: 401, method: 'POST', path: '/publish$', times: 2 });
    const error = await publishFails(fixture.uri);
    assert.equal(error.reason, 'unauthorized');
    assert.match(error.message, /Local refused the sign-in/);
    assert.deepEqual(error.actions.map((a) => a.title), ['Sign In…']);
    assert.equal((await version(`${ANON}/publish-401`, '1.0.0')).status, 404);
  });

  it('says when to retry on 429', async () => {
    const fixture = writeFixture(`${ANON}/publish-429`, '1.0.0');
    reg.faults.add({ kind: 'rate-limit', retryAfterSeconds: 30, method: 'POST', path: '/publish$', times: 1 });
    const error = await publishFails(fixture.uri);
    assert.equal(error.reason, 'rate-limited');
    assert.match(error.message, /rate limiting requests; nothing was published\. Retry in 30 s/);
    assert.deepEqual(error.actions.map((a) => a.title), ['Retry']);
  });

  it('a 422 on the POST after a clean pre-flight: validates again, says what the registry said and that nothing was published', async () => {
    // A registry whose publish-time checks refuse what its /validate accepts (the fault stands in for them).
    const name = `${ANON}/publish-422`;
    const fixture = writeFixture(name, '1.0.0');
    reg.faults.add({ kind: 'status', status: 422, method: 'POST', path: '/publish$', times: 1 });
    const validateAgain = reg.faults.add({ kind: 'latency', ms: 0, method: 'POST', path: '/validate$', times: 2 });
    const error = await publishFails(fixture.uri);
    assert.equal(prompts.confirmations().length, 1, 'the pre-flight was clean: the user confirmed');
    assert.equal(error.reason, 'rejected');
    assert.match(error.message, /^Local refused io\.modelcontextprotocol\.anonymous\/publish-422@1\.0\.0: .*Unprocessable Entity.* Nothing was published\.$/);
    assert.deepEqual(error.actions.map((a) => a.title), ['Retry']);
    assert.ok(!reg.faults.list().some((f) => (f as { id?: string }).id === validateAgain), 'the file was validated again after the 422');
    assert.deepEqual((await api()).publish.issues(fixture.uri), [], 'no problem is invented in the file');
    assert.equal(fileText(fixture), fixture.text, 'the file is not touched');
    assert.equal((await version(name, '1.0.0')).status, 404);
  });

  it('on a 5xx looks the version up first, then offers a safe retry', async () => {
    const name = `${ANON}/publish-503`;
    const fixture = writeFixture(name, '1.0.0');
    reg.faults.add({ kind: 'status', status: 503, method: 'POST', path: '/publish$', times: 1 });
    const error = await publishFails(fixture.uri);
    assert.equal(error.reason, 'server-error');
    assert.match(error.message, /it is not published\. Retrying is safe\./);
    assert.deepEqual(error.actions.map((a) => a.title), ['Retry']);
    await error.actions[0].run();
    await (await api()).workspace.idle();
    const { status } = await version(name, '1.0.0');
    assert.equal(status, 200, 'Retry publishes (through the command, confirmation answered by the script)');
    assert.equal(prompts.confirmations().length, 2);
  });

  it('when the connection drops without an answer and nothing was stored, offers a retry', async () => {
    const name = `${ANON}/publish-dropped`;
    reg.faults.add({ kind: 'timeout', ms: 300, method: 'POST', path: '/publish$', times: 1 });
    const error = await publishFails(writeFixture(name, '1.0.0').uri);
    assert.equal(error.reason, 'unreachable');
    assert.match(error.message, /and it is not published\. Retrying is safe\./);
    assert.equal((await version(name, '1.0.0')).status, 404);
  });

  it('after a connection reset once the registry stored it: reported as published, no second POST', async () => {
    const name = `${ANON}/publish-reset`;
    reg.faults.add({ kind: 'reset', afterHandling: true, method: 'POST', path: '/publish$', times: 1 });
    const sentinel = postSentinel(reg);
    const outcome = await (await api()).publish.run(writeFixture(name, '1.0.0').uri);
    assert.equal(outcome.kind, 'published');
    assert.equal(outcome.recovered, true);
    assert.ok(sentinel.unused(), 'the version was looked up, not posted again');
    assert.equal((await version(name, '1.0.0')).status, 200);
    assert.ok(prompts.calls.some((c) => c.kind === 'info' && /connection was lost after sending, but the registry has it/.test(c.message)));
  });

  it('cancelled before the request is sent: nothing is published and nothing changes', async () => {
    const name = `${ANON}/publish-cancel`;
    const fixture = writeFixture(name, '1.0.0');
    const controller = new AbortController();
    prompts.onWarning = (call) => {
      controller.abort();
      return call.actions?.[0];
    };
    const sentinel = postSentinel(reg);
    const error = await publishFails(fixture.uri, { signal: controller.signal });
    assert.equal(error.name, 'UserCancelledError');
    assert.ok(sentinel.unused());
    assert.equal((await version(name, '1.0.0')).status, 404);
    assert.equal(fileText(fixture), fixture.text);
  });

  it('saves an edited server.json after asking, and publishes the saved text', async () => {
    const name = `${ANON}/publish-dirty`;
    const fixture = writeFixture(name, '1.0.0');
    const document = await vscode.workspace.openTextDocument(fixture.uri);
    await vscode.window.showTextDocument(document);
    const edit = new vscode.WorkspaceEdit();
    const start = document.getText().indexOf('A server the publish tests publish');
    edit.replace(fixture.uri, new vscode.Range(document.positionAt(start), document.positionAt(start + 'A server'.length)), 'An edited server');
    await vscode.workspace.applyEdit(edit);
    assert.ok(document.isDirty);
    await (await api()).publish.run(fixture.uri);
    assert.match(prompts.calls[0].message, /^Save .*server\.json before publishing\?$/);
    assert.equal(document.isDirty, false);
    assert.match(String((await version(name, '1.0.0')).body.server.description), /^An edited server/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('checks npm and PyPI ownership first; a registry not known to check it gets a warning in the confirmation, never a refusal', async () => {
    // npm and PyPI are simulated by a loopback server (no internet here), reached through registryBaseUrl.
    const name = `${ANON}/publish-owned`;
    const packages = await loopbackServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/@acme%2Fowned/1.0.0') return res.end(JSON.stringify({ mcpName: name }));
      if (req.url === '/pypi/acme-owned/1.0.0/json') return res.end(JSON.stringify({ info: { description: 'no marker here' } }));
      res.statusCode = 404;
      res.end('{}');
    });
    try {
      const extra = (pypiVersion: string) => ({
        packages: [
          { registryType: 'npm', identifier: '@acme/owned', version: '1.0.0', transport: { type: 'stdio' } },
          { registryType: 'pypi', identifier: 'acme-owned', version: pypiVersion, transport: { type: 'stdio' } },
        ],
      });
      const bases = { npm: packages.url, pypi: packages.url };
      const outcome = await (await api()).publish.run(writeFixture(name, '1.0.0', { extra: extra('1.0.0') }).uri, { packageRegistries: bases });
      assert.equal(outcome.kind, 'published');
      const detail = prompts.confirmations().at(-1)!.detail!;
      assert.match(detail, /✓ @acme\/owned@1\.0\.0 on npm declares mcpName/);
      assert.match(detail, /⚠ acme-owned 1\.0\.0 on PyPI cannot be verified: its README needs the line "mcp-name: io\.modelcontextprotocol\.anonymous\/publish-owned".*The official registry checks this at publish; Local may not\./);
      await packages.close();
      const unreachable = { packages: [{ registryType: 'npm', identifier: '@acme/owned', version: '1.0.0', transport: { type: 'stdio' } }] };
      await (await api()).publish.run(writeFixture(name, '1.0.1', { extra: unreachable }).uri, { packageRegistries: bases });
      assert.match(prompts.confirmations().at(-1)!.detail!, /Skipped: npm could not be reached; @acme\/owned@1\.0\.0 was not checked\./);
    } finally {
      await packages.close();
    }
  });

  it('creates an annotated git tag when mcpVersions.publish.gitTag is on', async () => {
    const config = vscode.workspace.getConfiguration('mcpVersions');
    await config.update('publish.gitTag', true, vscode.ConfigurationTarget.Global);
    try {
      const fixture = writeFixture(`${ANON}/publish-tagged`, '1.1.0', { git: true });
      const outcome = await (await api()).publish.run(fixture.uri);
      assert.deepEqual(outcome.tag, { name: 'v1.1.0' });
      assert.equal(outcome.provenance?.tag, 'v1.1.0');
      assert.equal(execFileSync('git', ['tag', '--points-at', 'HEAD'], { cwd: fixture.dir, encoding: 'utf8' }).trim(), 'v1.1.0');
      assert.equal(execFileSync('git', ['cat-file', '-t', 'v1.1.0'], { cwd: fixture.dir, encoding: 'utf8' }).trim(), 'tag', 'annotated');
    } finally {
      await config.update('publish.gitTag', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
