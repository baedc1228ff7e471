/**
 * A GitHub Actions workflow that publishes server.json when a version tag is pushed (pure).
 *
 *   ciWorkflow(options?) → { path, yaml, secrets, notes }
 *
 * On a tag `<tagPrefix><version>` it checks the tag equals server.json's version, validates server.json
 * with mcp-publisher, optionally builds and publishes the packages first (`publishPackages`), then signs
 * in with GitHub OIDC (`permissions: id-token: write`, no stored secret) and publishes. Package images and
 * bundle identifiers are read from server.json at run time, so the workflow never disagrees with it.
 * Steps follow mcp-publisher's documented install (release tarball) and commands (login github-oidc, validate, publish).
 */
import type { PackageKind } from './types';

export interface CiWorkflowOptions {
  /** Packages to build and publish before server.json (each needs its registry's credentials, see `secrets`). Default: none. */
  publishPackages?: PackageKind[];
  /** Folder of server.json (and of the package manifests) from the repository root. Default: the root. */
  directory?: string;
  /** Tags that publish are `<tagPrefix><version>`. Default `v`; e.g. `weather-v` in a monorepo. Letters, digits, `.`, `_`, `-`, `/` only. */
  tagPrefix?: string;
  /** Registry to publish to. Default: the official registry. */
  registryUrl?: string;
  /** An mcp-publisher release tag such as `v1.8.1`, or `latest` (default). */
  publisherVersion?: string;
  /** Workflow display name. Default `Publish MCP server`. */
  name?: string;
}

export interface CiWorkflow {
  /** Where to write it, from the repository root. */
  path: string;
  yaml: string;
  /** Repository secrets the workflow reads (none for the OIDC sign-in itself). */
  secrets: string[];
  /** What the user must set up outside the repository (trusted publishers, secrets). */
  notes: string[];
}

export const CI_WORKFLOW_PATH = '.github/workflows/publish-mcp.yml';
export const OFFICIAL_REGISTRY_URL = 'https://registry.modelcontextprotocol.io';

interface Step {
  name: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  run?: string;
  if?: string;
}

const ORDER: readonly PackageKind[] = ['npm', 'pypi', 'nuget', 'cargo', 'oci', 'mcpb'];

export function ciWorkflow(options: CiWorkflowOptions = {}): CiWorkflow {
  const directory = cleanDirectory(options.directory);
  const tagPrefix = options.tagPrefix ?? 'v';
  if (!/^[A-Za-z0-9._/-]*$/.test(tagPrefix)) throw new Error(`The tag prefix "${tagPrefix}" may contain only letters, digits, ".", "_", "-" and "/"`);
  const publisherVersion = options.publisherVersion ?? 'latest';
  if (publisherVersion !== 'latest' && !/^v?\d+\.\d+\.\d+[0-9A-Za-z.-]*$/.test(publisherVersion)) throw new Error(`"${publisherVersion}" is not an mcp-publisher release tag (e.g. v1.8.1) or "latest"`);
  const registryUrl = options.registryUrl ?? OFFICIAL_REGISTRY_URL;
  if (!/^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~/-]*)?$/.test(registryUrl)) throw new Error(`The registry URL must be a plain https URL (got "${registryUrl}")`);
  const kinds = ORDER.filter((kind) => options.publishPackages?.includes(kind));
  const secrets: string[] = [];
  const notes: string[] = [];

  const steps: Step[] = [
    { name: 'Check out', uses: 'actions/checkout@v4' },
    { name: 'Check that the tag is server.json\'s version', run: tagCheck(tagPrefix, kinds) },
    { name: 'Install mcp-publisher', run: installPublisher(publisherVersion) },
  ];
  if (kinds.includes('mcpb')) steps.push(mcpbPackStep());
  steps.push({ name: 'Validate server.json', run: 'mcp-publisher validate server.json' });
  for (const kind of kinds) steps.push(...packageSteps(kind, directory, secrets, notes));
  const registryFlag = registryUrl === OFFICIAL_REGISTRY_URL ? '' : ` --registry=${registryUrl}`;
  steps.push({ name: 'Sign in to the MCP registry with GitHub OIDC', run: `mcp-publisher login github-oidc${registryFlag}` });
  steps.push({ name: 'Publish server.json', run: kinds.length > 0 ? publishWithRetries() : 'mcp-publisher publish server.json' });
  if (registryUrl === OFFICIAL_REGISTRY_URL) notes.push('GitHub OIDC lets this repository publish under io.github.<owner>/*; no secret is needed for the registry.');

  const permissions: Record<string, string> = { contents: kinds.includes('mcpb') ? 'write' : 'read', 'id-token': 'write' };
  if (kinds.includes('oci')) permissions.packages = 'write';

  const lines: string[] = [
    `# Publishes ${directory === '.' ? 'server.json' : `${directory}/server.json`} to the MCP registry when a tag ${tagPrefix}<version> is pushed.`,
    '# Written by MCP Versions (Set Up Publishing in CI).',
    `name: ${scalar(options.name ?? 'Publish MCP server')}`,
    '',
    'on:',
    '  push:',
    '    tags:',
    `      - ${scalar(`${tagPrefix}*`)}`,
    '',
    'permissions:',
    ...Object.entries(permissions).map(([key, value]) => `  ${key}: ${value}`),
    '',
    'concurrency:',
    `  group: ${scalar('publish-mcp-${{ github.ref }}')}`,
    '  cancel-in-progress: false',
    '',
    'jobs:',
    '  publish:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 30',
  ];
  if (directory !== '.') lines.push('    defaults:', '      run:', `        working-directory: ${scalar(directory)}`);
  lines.push('    steps:');
  for (const step of steps) lines.push(...stepLines(step));
  return { path: CI_WORKFLOW_PATH, yaml: `${lines.join('\n')}\n`, secrets, notes };
}

/** The package kinds a server.json names (known kinds only, in the order the workflow publishes them). */
export function packageKindsOf(serverJson: unknown): PackageKind[] {
  const packages = typeof serverJson === 'object' && serverJson !== null ? (serverJson as { packages?: unknown }).packages : undefined;
  if (!Array.isArray(packages)) return [];
  const kinds = new Set(packages.map((entry) => (typeof entry === 'object' && entry !== null ? (entry as { registryType?: unknown }).registryType : undefined)));
  return ORDER.filter((kind) => kinds.has(kind));
}

function tagCheck(tagPrefix: string, kinds: PackageKind[]): string {
  const lines = [
    'version="$(jq -r .version server.json)"',
    `tag_version="\${GITHUB_REF_NAME#${tagPrefix}}"`,
    'if [ "$tag_version" != "$version" ]; then',
    `  echo "::error file=server.json::The tag $GITHUB_REF_NAME is not ${tagPrefix}$version, the version in server.json"`,
    '  exit 1',
    'fi',
  ];
  if (kinds.includes('npm')) {
    lines.push(
      'npm_version="$(jq -r .version package.json)"',
      'if [ "$npm_version" != "$version" ]; then',
      '  echo "::error file=package.json::package.json is at $npm_version but server.json at $version"',
      '  exit 1',
      'fi',
    );
  }
  return lines.join('\n');
}

function installPublisher(version: string): string {
  const release = version === 'latest' ? 'latest/download' : `download/${version.startsWith('v') ? version : `v${version}`}`;
  return [
    'os="$(uname -s | tr \'[:upper:]\' \'[:lower:]\')"',
    'arch="$(uname -m | sed \'s/x86_64/amd64/;s/aarch64/arm64/\')"',
    // Outside the package folder, so npm, the Python build, docker and mcpb never pack the binary.
    `curl -fsSL "https://github.com/modelcontextprotocol/registry/releases/${release}/mcp-publisher_\${os}_\${arch}.tar.gz" | tar xz -C "$RUNNER_TEMP" mcp-publisher`,
    'echo "$RUNNER_TEMP" >> "$GITHUB_PATH"',
    '"$RUNNER_TEMP/mcp-publisher" --version',
  ].join('\n');
}

/** A package registry can take a moment to show a version just published; the registry checks it there. */
function publishWithRetries(): string {
  return [
    'for attempt in 1 2 3 4 5; do',
    '  if mcp-publisher publish server.json; then exit 0; fi',
    '  echo "Publish attempt $attempt failed; a package published moments ago may not be visible yet"',
    '  sleep 20',
    'done',
    'exit 1',
  ].join('\n');
}

function packageSteps(kind: PackageKind, directory: string, secrets: string[], notes: string[]): Step[] {
  switch (kind) {
    case 'npm':
      secrets.push('NPM_TOKEN');
      notes.push('npm: add an automation token as the repository secret NPM_TOKEN (or configure npm trusted publishing for this workflow and drop it).');
      return [
        { name: 'Set up Node.js', uses: 'actions/setup-node@v4', with: { 'node-version': '22', 'registry-url': 'https://registry.npmjs.org' } },
        { name: 'Build the npm package', run: 'npm ci\nnpm run build --if-present' },
        { name: 'Publish the npm package', run: 'npm publish --provenance --access public', env: { NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' } },
      ];
    case 'pypi':
      notes.push('PyPI: add this workflow (publish-mcp.yml) as a trusted publisher of the project on pypi.org; no token is stored.');
      return [
        { name: 'Set up Python', uses: 'actions/setup-python@v5', with: { 'python-version': '3.12' } },
        { name: 'Build the Python package', run: 'python -m pip install --upgrade build\npython -m build' },
        { name: 'Publish to PyPI (trusted publishing)', uses: 'pypa/gh-action-pypi-publish@release/v1', with: { 'packages-dir': directory === '.' ? 'dist/' : `${directory}/dist/` } },
      ];
    case 'nuget':
      secrets.push('NUGET_API_KEY');
      notes.push('NuGet: add an API key with push rights as the repository secret NUGET_API_KEY.');
      return [
        { name: 'Set up .NET', uses: 'actions/setup-dotnet@v4', with: { 'dotnet-version': '10.0.x' } },
        { name: 'Pack the NuGet package', run: 'dotnet pack -c Release -o nupkg' },
        { name: 'Publish to NuGet', run: 'dotnet nuget push "nupkg/*.nupkg" --api-key "$NUGET_API_KEY" --source https://api.nuget.org/v3/index.json --skip-duplicate', env: { NUGET_API_KEY: '${{ secrets.NUGET_API_KEY }}' } },
      ];
    case 'cargo':
      secrets.push('CARGO_REGISTRY_TOKEN');
      notes.push('crates.io: add an API token with publish-update rights as the repository secret CARGO_REGISTRY_TOKEN.');
      return [{ name: 'Publish to crates.io', run: 'cargo publish --locked', env: { CARGO_REGISTRY_TOKEN: '${{ secrets.CARGO_REGISTRY_TOKEN }}' } }];
    case 'oci':
      notes.push('OCI: the image is pushed to the reference in server.json with this workflow\'s GITHUB_TOKEN (ghcr.io); make the package public once so the registry can read its label.');
      return [
        { name: 'Sign in to GitHub Container Registry', uses: 'docker/login-action@v3', with: { registry: 'ghcr.io', username: '${{ github.actor }}', password: '${{ secrets.GITHUB_TOKEN }}' } },
        {
          name: 'Build and push the image named in server.json',
          run: [
            'image="$(jq -r \'[.packages[] | select(.registryType == "oci")][0].identifier\' server.json)"',
            'docker build --label "io.modelcontextprotocol.server.name=$(jq -r .name server.json)" -t "$image" .',
            'docker push "$image"',
          ].join('\n'),
        },
      ];
    case 'mcpb':
      // Packed (and its SHA-256 written into server.json) before validation: see mcpbPackStep.
      notes.push('MCPB: the bundle is packed, its SHA-256 written into server.json, and it is attached to the GitHub release of the tag under the file name in server.json.');
      return [{
        name: 'Attach the MCP bundle to the release',
        run: [
          'asset="$(basename "$(jq -r \'[.packages[] | select(.registryType == "mcpb")][0].identifier\' server.json)")"',
          'gh release view "$GITHUB_REF_NAME" > /dev/null 2>&1 || gh release create "$GITHUB_REF_NAME" --verify-tag --title "$GITHUB_REF_NAME" --notes ""',
          'gh release upload "$GITHUB_REF_NAME" "$asset" --clobber',
        ].join('\n'),
        env: { GH_TOKEN: '${{ github.token }}' },
      }];
  }
}

/** The bundle's SHA-256 must be in server.json before it is validated. */
function mcpbPackStep(): Step {
  return {
    name: 'Pack the MCP bundle and record its SHA-256 in server.json',
    run: [
      'asset="$(basename "$(jq -r \'[.packages[] | select(.registryType == "mcpb")][0].identifier\' server.json)")"',
      'npx --yes @anthropic-ai/mcpb pack . "$asset"',
      'sha="$(sha256sum "$asset" | cut -d " " -f 1)"',
      'jq --arg sha "$sha" \'(.packages[] | select(.registryType == "mcpb")).fileSha256 = $sha\' server.json > server.json.new',
      'mv server.json.new server.json',
    ].join('\n'),
  };
}

function stepLines(step: Step): string[] {
  const lines = [`      - name: ${scalar(step.name)}`];
  if (step.if) lines.push(`        if: ${scalar(step.if)}`);
  if (step.uses) lines.push(`        uses: ${step.uses}`);
  for (const key of ['with', 'env'] as const) {
    const map = step[key];
    if (!map) continue;
    lines.push(`        ${key}:`);
    for (const [name, value] of Object.entries(map)) lines.push(`          ${name}: ${scalar(value)}`);
  }
  if (step.run !== undefined) {
    if (step.run.includes('\n')) lines.push('        run: |', ...step.run.split('\n').map((line) => (line === '' ? '' : `          ${line}`)));
    else lines.push(`        run: ${scalar(step.run)}`);
  }
  return lines;
}

/** A YAML scalar: plain when unambiguous, else double-quoted (JSON strings are valid YAML). */
function scalar(value: string): string {
  const plain = /^[A-Za-z0-9_./][A-Za-z0-9 _./@:-]*$/.test(value) && !/(^|\s)#|:\s|:$|\s$/.test(value) && !/^(true|false|yes|no|on|off|null|~|[-+]?[0-9.]+)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

function cleanDirectory(directory: string | undefined): string {
  const cleaned = (directory ?? '').replace(/\\/g, '/').split('/').filter((segment) => segment !== '' && segment !== '.').join('/');
  if (cleaned.split('/').includes('..')) throw new Error(`The directory "${directory}" leaves the repository`);
  if (!/^[A-Za-z0-9._/ -]*$/.test(cleaned)) throw new Error(`The directory "${directory}" has characters the workflow cannot quote safely`);
  return cleaned === '' ? '.' : cleaned;
}
