/**
 * Version rules of the official MCP registry, as its implementation applies them (pure, no vscode).
 */
export {
  compareDigitStrings,
  compareSemverPrecedence,
  isRegistrySemver,
  parseRegistrySemver,
  type RegistrySemver,
} from './goSemver';
export {
  checkVersionString,
  isReservedVersion,
  looksLikeVersionRange,
  MAX_VERSION_LENGTH,
  type VersionCheck,
  type VersionProblem,
} from './versionString';
export {
  channelOf,
  comparePublishTimes,
  compareRegistryVersions,
  newestPerChannel,
  sortVersionsLikeRegistry,
  type ChannelHead,
  type VersionLike,
} from './order';
export {
  currentLatest,
  latestAfterStatusChange,
  predictIsLatest,
  recomputeLatest,
  type PublishedVersion,
  type VersionStatus,
} from './latest';
export { bumpKind, type BumpKind } from './bumpKind';
export {
  isValidPreid,
  preidProblem,
  suggestNextVersions,
  type SuggestionKind,
  type SuggestOptions,
  type VersionImpact,
  type VersionSuggestion,
} from './suggest';
export { nearestValidVersions, type NearestOptions } from './nearest';
