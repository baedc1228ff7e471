/** What an MCP client's config file says is installed (pure, no vscode). */

export type ConfigKind = 'vscode' | 'cursor' | 'claude-code' | 'claude-desktop';

/** The package registries a command line can name. */
export type InstalledRegistryType = 'npm' | 'pypi' | 'oci' | 'nuget';

/** A path in the JSON document, as jsonc-parser takes it: ['servers', 'github', 'args', 2]. */
export type JsonPath = (string | number)[];

/**
 * Where a package's version is written: characters [start, end) of the JSON string value at `path`
 * (decoded, i.e. as the value reads, not as the file spells it), operator included ("@1.2.3",
 * "==1.2", ">=1.0", ":1.2.3@sha256:…"); an edit writes `separator` + version there. When the config
 * pins nothing, start === end marks where the pin goes.
 */
export interface VersionSite {
  readonly path: JsonPath;
  /** The string value at `path` when the file was read; edits refuse to apply to a changed file. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly separator: string;
}

export interface InstalledPackage {
  readonly registryType: InstalledRegistryType;
  /** As written: npm/PyPI/NuGet name without version, OCI image without tag or digest. */
  readonly identifier: string;
  /** An exact pin (an OCI tag counts); absent for ranges, tags like "latest", or no version at all. */
  readonly version?: string;
  /** The version text as written when it is not an exact pin: "latest", "^1.2", ">=1.0", "next". */
  readonly versionSpec?: string;
  /** An OCI digest ("sha256:…") the image is pinned to, with or without a tag. */
  readonly digest?: string;
  /** The program that runs it: npx, uvx, docker, dnx, … (file name, lower case, no extension). */
  readonly runner: string;
  /** Where the version is (or would be) written; absent when the command cannot be edited safely. */
  readonly versionSite?: VersionSite;
}

export interface InstalledEntry {
  /** The entry's name in the config (VS Code gallery installs use the registry server name). */
  readonly key: string;
  /** Path of the entry in the document: ['servers', key] or ['mcpServers', key]. */
  readonly jsonPath: JsonPath;
  readonly package?: InstalledPackage;
  /** The URL of a remote server (from `url`, `serverUrl`, or an `mcp-remote` proxy's argument). */
  readonly remoteUrl?: string;
  /** VS Code gallery installs: the registry URL, or true for the product's default gallery. */
  readonly gallery?: string | true;
  /** VS Code gallery installs: the registry (server) version recorded in `version`. */
  readonly galleryVersion?: string;
  /** 'stdio' for commands; 'http' / 'sse' for remotes, as the config says or implies. */
  readonly transport: 'stdio' | 'http' | 'sse';
  readonly command?: string;
  readonly args?: readonly string[];
  /** A command that runs no registry package (node dist/index.js, python -m x, ./server, uv run …). */
  readonly local?: true;
  /** The entry says `"disabled": true` (Cursor, Claude Code). */
  readonly disabled?: true;
  /** The package that proxies a remote (`npx mcp-remote https://…`). */
  readonly via?: InstalledPackage;
}

export interface ConfigProblem {
  readonly message: string;
  /** Offset in the text and its 1-based line, when the problem has a place. */
  readonly offset?: number;
  readonly length?: number;
  readonly line?: number;
  /** The entry concerned, for problems of one entry. */
  readonly key?: string;
}

export interface InstalledServers {
  readonly entries: InstalledEntry[];
  readonly problems: ConfigProblem[];
}
