/**
 * The MCP servers installed in editors and agents (VS Code, Cursor, Claude Code, Claude Desktop),
 * matched to registry servers and judged against their versions. Pure: no vscode.
 */
export { installedServersFrom, MAX_CONFIG_LENGTH } from './config';
export type {
  ConfigKind,
  ConfigProblem,
  InstalledEntry,
  InstalledPackage,
  InstalledRegistryType,
  InstalledServers,
  JsonPath,
  VersionSite,
} from './types';
export {
  findRegistryPackage,
  matchInstalledEntry,
  normalizeOciName,
  normalizePackageIdentifier,
  normalizePypiName,
  normalizeRemoteUrl,
  registryPackageVersion,
  sameRegistryUrl,
  sameRemoteUrl,
  samePackageVersion,
  splitOciReference,
  type MatchBasis,
  type RegistryPackageRef,
  type RegistryServerRef,
  type ServerMatch,
} from './identity';
export {
  installedState,
  updateFor,
  versionRunning,
  versionState,
  type InstalledBasis,
  type InstalledState,
  type RegistryVersionInfo,
  type UnpinnedReason,
} from './state';
export { canUpdateVersion, InstalledEditError, updateVersionEdits, type VersionTarget } from './edits';
export { configLocations, type ConfigLocation, type LocationOptions } from './locations';
