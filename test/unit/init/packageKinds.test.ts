import * as assert from 'node:assert/strict';
import { applyEdits } from 'jsonc-parser';
import { draftServerJson } from '../../../src/init';
import { draftValid, editOf, errorsOf, notesAbout, type Json } from './support';

const PYPROJECT = `[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "mcp-server-tides"
version = "2.1.0"
description = "Tide tables and harbour conditions for agents"
readme = "README.md"
requires-python = ">=3.10"
authors = [{ name = "Bob", email = "bob@example.org" }]
dependencies = ["mcp>=1.9", "httpx>=0.27"]

[project.scripts]
mcp-server-tides = "mcp_server_tides:main"

[project.urls]
Homepage = "https://tides.example.org"
Repository = "https://github.com/bob/mcp-server-tides"
`;

const CSPROJ = `<Project Sdk="Microsoft.NET.Sdk">

  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <PackAsTool>true</PackAsTool>
    <PackageType>McpServer</PackageType>
    <PackageId>Contoso.Inventory.Mcp</PackageId>
    <Version>0.9.1</Version>
    <Description>Stock levels &amp; reorder points from Contoso's inventory system</Description>
    <PackageReadmeFile>README.md</PackageReadmeFile>
    <RepositoryUrl>https://github.com/contoso/inventory-mcp</RepositoryUrl>
  </PropertyGroup>

  <ItemGroup>
    <None Include="..\\..\\README.md" Pack="true" PackagePath="\\" />
  </ItemGroup>

</Project>
`;

const DOCKERFILE = `# syntax=docker/dockerfile:1
FROM node:22-alpine AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build

FROM node:22-alpine
LABEL org.opencontainers.image.source="https://github.com/Carol/Notes-MCP" \\
      org.opencontainers.image.description="Searchable notes for agents"
WORKDIR /app
COPY --from=build /app/dist ./dist
EXPOSE 8080
ENV MCP_PATH=/mcp
CMD ["node", "dist/server.js"]
`;

describe('Create server.json: PyPI, NuGet, OCI, MCPB and cargo projects', () => {
  it('PyPI from pyproject.toml [project]: uvx, version, description, and an mcp-name comment appended to the README', () => {
    const readme = '# mcp-server-tides\n\nTide tables for agents.\n';
    const result = draftValid({ files: { 'pyproject.toml': PYPROJECT, 'README.md': readme } });
    const server: Json = result.serverJson;
    assert.equal(server.name, 'io.github.bob/mcp-server-tides');
    assert.deepEqual(server.repository, { url: 'https://github.com/bob/mcp-server-tides', source: 'github' });
    assert.deepEqual(server.packages, [{ registryType: 'pypi', identifier: 'mcp-server-tides', version: '2.1.0', runtimeHint: 'uvx', transport: { type: 'stdio' } }]);
    assert.equal(server.description, 'Tide tables and harbour conditions for agents');
    const edit = editOf(result, 'README.md');
    assert.equal(edit.kind, 'readme-mcp-name');
    assert.equal(edit.newText, `${readme}\n<!-- mcp-name: io.github.bob/mcp-server-tides -->\n`);
    assert.equal(applyEdits(readme, edit.edits), edit.newText);
  });

  it('PyPI: the mcp-name line already in the README names the server; Poetry and setup.cfg projects are read too', () => {
    const readme = '# Tides\n\n<!-- mcp-name: io.github.bob/tides -->\nTide tables.\n';
    const marked = draftValid({ files: { 'pyproject.toml': PYPROJECT, 'README.md': readme }, gitRemoteUrl: 'https://github.com/someone/else' });
    assert.equal((marked.serverJson as Json).name, 'io.github.bob/tides');
    assert.deepEqual(marked.markerEdits, []);

    const poetry = '[tool.poetry]\nname = "tides-mcp"\nversion = "0.4.0"\ndescription = "Tides, the Poetry way"\nreadme = "README.rst"\n\n[tool.poetry.scripts]\ntides-mcp = "tides_mcp.cli:run"\n';
    const fromPoetry = draftValid({ files: { 'pyproject.toml': poetry, 'README.rst': 'Tides\n=====\n' }, gitRemoteUrl: 'git@github.com:bob/tides.git' });
    assert.deepEqual([(fromPoetry.serverJson as Json).packages[0].identifier, (fromPoetry.serverJson as Json).version], ['tides-mcp', '0.4.0']);
    assert.match(editOf(fromPoetry, 'README.rst').newText, /\n\.\. mcp-name: io\.github\.bob\/tides\n$/);

    const setupCfg = '[metadata]\nname = tides-legacy\nversion = 1.0.2\ndescription = Tides from setup.cfg\nlong_description = file: README.md\n\n[options]\npackages = find:\n';
    const fromCfg = draftValid({ files: { 'setup.cfg': setupCfg }, gitRemoteUrl: 'https://github.com/bob/tides-legacy' });
    assert.deepEqual((fromCfg.serverJson as Json).packages[0], { registryType: 'pypi', identifier: 'tides-legacy', version: '1.0.2', runtimeHint: 'uvx', transport: { type: 'stdio' } });
    assert.equal(editOf(fromCfg, 'README.md').createsFile, true, 'no README yet: the edit creates it');
  });

  it('PyPI with a dynamic version falls back to 1.0.0 and asks for the real one', () => {
    const dynamic = PYPROJECT.replace('version = "2.1.0"', 'dynamic = ["version"]');
    const result = draftValid({ files: { 'pyproject.toml': dynamic, 'README.md': '# x\n' } });
    assert.equal((result.serverJson as Json).version, '1.0.0');
    assert.ok(notesAbout(result, 'version', 'todo').some((note) => /dynamic version/.test(note.message)));
  });

  it('NuGet from src/<Project>/<Project>.csproj: PackageId, Version, dnx, and the marker in the README it packs', () => {
    const readme = '# Contoso Inventory MCP\n\nStock levels for agents.\n';
    const result = draftValid({ files: { 'src/Contoso.Inventory.Mcp/Contoso.Inventory.Mcp.csproj': CSPROJ, 'tests/Inventory.Tests.csproj': '<Project/>', 'README.md': readme } });
    const server: Json = result.serverJson;
    assert.equal(server.name, 'io.github.contoso/inventory-mcp');
    assert.equal(server.description, "Stock levels & reorder points from Contoso's inventory system");
    assert.deepEqual(server.packages, [{ registryType: 'nuget', identifier: 'Contoso.Inventory.Mcp', version: '0.9.1', runtimeHint: 'dnx', transport: { type: 'stdio' } }]);
    assert.equal(editOf(result, 'README.md').newText, `${readme}\n<!-- mcp-name: io.github.contoso/inventory-mcp -->\n`);
  });

  it('OCI from a multi-stage Dockerfile: image from the source label, EXPOSE + /mcp → HTTP, and the LABEL edit in the final stage', () => {
    const result = draftValid({ files: { Dockerfile: DOCKERFILE } });
    const server: Json = result.serverJson;
    assert.equal(server.name, 'io.github.Carol/Notes-MCP');
    assert.equal(server.description, 'Searchable notes for agents');
    assert.deepEqual(server.packages, [{
      registryType: 'oci',
      identifier: 'ghcr.io/carol/notes-mcp:1.0.0',
      runtimeHint: 'docker',
      transport: { type: 'streamable-http', url: 'http://localhost:8080/mcp' },
      runtimeArguments: [{ type: 'named', name: '-p', value: '8080:8080' }],
    }]);
    const edit = editOf(result, 'Dockerfile');
    assert.equal(edit.kind, 'dockerfile-label');
    const lines = edit.newText.split('\n');
    assert.equal(lines[lines.indexOf('FROM node:22-alpine') + 1], 'LABEL io.modelcontextprotocol.server.name="io.github.Carol/Notes-MCP"');
    assert.equal(edit.newText.match(/io\.modelcontextprotocol\.server\.name/g)?.length, 1);
  });

  it('OCI: the label in the final image names the server; one only in a build stage does not count; stdio without EXPOSE', () => {
    const labelled = 'FROM python:3.13-slim\nLABEL io.modelcontextprotocol.server.name="io.github.dave/search" version="3"\nLABEL org.opencontainers.image.version="3.2.0"\nCMD ["python", "-m", "search"]\n';
    const result = draftValid({ files: { Dockerfile: labelled }, gitRemoteUrl: 'https://github.com/dave/search-server.git' });
    assert.equal((result.serverJson as Json).name, 'io.github.dave/search');
    assert.equal((result.serverJson as Json).version, '3.2.0');
    assert.deepEqual((result.serverJson as Json).packages[0], { registryType: 'oci', identifier: 'ghcr.io/dave/search-server:3.2.0', runtimeHint: 'docker', transport: { type: 'stdio' } });
    assert.deepEqual(result.markerEdits, []);

    const renamed = draftValid({ files: { Dockerfile: labelled }, name: 'io.github.dave/search-server' });
    const edit = editOf(renamed, 'Dockerfile');
    assert.ok(edit.newText.startsWith(labelled), 'the existing label stays; a later one overrides it');
    assert.equal(edit.newText.slice(labelled.length), 'LABEL io.modelcontextprotocol.server.name="io.github.dave/search-server"\n');

    const crlf = 'FROM python:3.13-slim\r\nCMD ["python", "-m", "search"]\r\n';
    assert.equal(editOf(draftServerJson({ files: { Dockerfile: crlf }, name: 'io.github.dave/search' }), 'Dockerfile').newText,
      'FROM python:3.13-slim\r\nLABEL io.modelcontextprotocol.server.name="io.github.dave/search"\r\nCMD ["python", "-m", "search"]\r\n');

    const inBuildStage = 'FROM golang:1.24 AS build\nLABEL io.modelcontextprotocol.server.name="io.github.dave/search"\nRUN go build -o /srv .\n\nFROM gcr.io/distroless/static\nCOPY --from=build /srv /srv\nENTRYPOINT ["/srv"]\n';
    const lost = draftServerJson({ files: { Dockerfile: inBuildStage }, gitRemoteUrl: 'https://github.com/dave/search-server.git' });
    assert.equal((lost.serverJson as Json).name, 'io.github.dave/search-server');
    assert.match(editOf(lost, 'Dockerfile').newText, /FROM gcr\.io\/distroless\/static\nLABEL io\.modelcontextprotocol\.server\.name="io\.github\.dave\/search-server"\n/);
  });

  it('MCPB from manifest.json: release asset URL, user_config as environment variables; fileSha256 when given, else a todo', () => {
    const manifest = JSON.stringify({
      manifest_version: '0.3',
      name: 'pdf-tools-mcp',
      display_name: 'PDF Tools',
      version: '1.1.0',
      description: 'Split, merge and search PDF files',
      author: { name: 'Erin' },
      server: { type: 'node', entry_point: 'server/index.js', mcp_config: { command: 'node', args: ['${__dirname}/server/index.js'], env: { PDF_API_TOKEN: '${user_config.api_token}', PDF_WORKDIR: '${user_config.workdir}' } } },
      user_config: {
        api_token: { type: 'string', title: 'API token', description: 'Token for the OCR service', sensitive: true, required: true },
        workdir: { type: 'directory', title: 'Working folder', default: '/tmp/pdf' },
      },
    }, null, 2);
    const sha = 'A'.repeat(8) + '0123456789abcdef'.repeat(3) + 'b'.repeat(8);
    const result = draftValid({ files: { 'manifest.json': manifest }, gitRemoteUrl: 'https://github.com/erin/pdf-tools', mcpbFileSha256: sha });
    const server: Json = result.serverJson;
    assert.equal(server.title, 'PDF Tools');
    assert.deepEqual(server.packages, [{
      registryType: 'mcpb',
      identifier: 'https://github.com/erin/pdf-tools/releases/download/v1.1.0/pdf-tools-mcp.mcpb',
      version: '1.1.0',
      fileSha256: sha.toLowerCase(),
      transport: { type: 'stdio' },
      environmentVariables: [
        { name: 'PDF_API_TOKEN', description: 'Token for the OCR service', isRequired: true, isSecret: true },
        { name: 'PDF_WORKDIR', description: 'Working folder', default: '/tmp/pdf' },
      ],
    }]);
    assert.deepEqual(result.markerEdits, []);

    const withoutSha = draftServerJson({ files: { 'manifest.json': manifest }, gitRemoteUrl: 'https://github.com/erin/pdf-tools' });
    assert.equal(notesAbout(withoutSha, 'packages[0].fileSha256', 'todo').length, 1);
    assert.deepEqual(errorsOf(withoutSha).map((p) => p.code), ['mcpb-sha256-missing'], 'the one error left is the one the todo names');
  });

  it('a manifest.json that is not a bundle manifest is ignored', () => {
    const result = draftServerJson({ files: { 'manifest.json': JSON.stringify({ name: 'My PWA', short_name: 'pwa', start_url: '/' }) } });
    assert.deepEqual(result.detected, []);
  });

  it('cargo from Cargo.toml, the version inherited from the workspace root, and a visible mcp-name line for crates.io', () => {
    const crate = '[package]\nname = "ferris-mcp"\nversion.workspace = true\nedition = "2021"\ndescription = "Rust docs lookup for agents"\nrepository = "https://github.com/ferris/tools"\n\n[dependencies]\nrmcp = "0.8"\n';
    const root = '[workspace]\nmembers = ["crates/*"]\n\n[workspace.package]\nversion = "0.7.3"\nedition = "2021"\n';
    const readme = '# ferris-mcp\n\nRust docs lookup.\n';
    const result = draftValid({ files: { 'Cargo.toml': crate, '../../Cargo.toml': root, 'README.md': readme }, subfolder: 'crates/ferris-mcp' });
    const server: Json = result.serverJson;
    assert.equal(server.name, 'io.github.ferris/ferris-mcp', 'in a monorepo the name is the crate, not the repository');
    assert.deepEqual(server.repository, { url: 'https://github.com/ferris/tools', source: 'github', subfolder: 'crates/ferris-mcp' });
    assert.deepEqual(server.packages, [{ registryType: 'cargo', identifier: 'ferris-mcp', version: '0.7.3', transport: { type: 'stdio' } }]);
    assert.equal(editOf(result, 'README.md').newText, `${readme}\nmcp-name: io.github.ferris/ferris-mcp\n`);
  });

  it('a project with two kinds: the primary package, plus another only when it already carries the same marker', () => {
    const pkg = JSON.stringify({ name: 'notes-mcp', version: '1.0.0', description: 'Notes', bin: 'index.js', mcpName: 'io.github.carol/notes' });
    const plainDocker = 'FROM node:22\nCMD ["node", "index.js"]\n';
    const npmOnly = draftServerJson({ files: { 'package.json': pkg, Dockerfile: plainDocker } });
    assert.deepEqual(npmOnly.detected.map((d) => [d.kind, d.included]), [['npm', true], ['oci', false]]);
    assert.ok(npmOnly.notes.some((note) => note.kind === 'info' && /Dockerfile also builds a container image; it is not in the draft/.test(note.message)));

    const labelledDocker = 'FROM node:22\nLABEL io.modelcontextprotocol.server.name="io.github.carol/notes"\nCMD ["node", "index.js"]\n';
    const both = draftValid({ files: { 'package.json': pkg, Dockerfile: labelledDocker }, gitRemoteUrl: 'https://github.com/carol/notes' }, () => ({ packageJson: { path: '/ws/package.json', text: pkg } }));
    assert.deepEqual((both.serverJson as Json).packages.map((p: Json) => p.identifier), ['notes-mcp', 'ghcr.io/carol/notes:1.0.0']);

    const chosen = draftServerJson({ files: { 'package.json': pkg, Dockerfile: plainDocker }, include: ['oci'], gitRemoteUrl: 'https://github.com/carol/notes' });
    assert.deepEqual((chosen.serverJson as Json).packages.map((p: Json) => p.registryType), ['oci']);
    assert.equal(editOf(chosen, 'Dockerfile').kind, 'dockerfile-label');
  });
});
