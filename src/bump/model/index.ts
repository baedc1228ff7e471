/** Pure logic of Bump Version (no vscode): planning every edit, and what the picker shows. */
export * from './types';
export { planBump, applyPlannedEdits, type PlanOptions } from './plan';
export { mcpbRenames, readServerJsonFacts, type McpbRename, type ServerJsonFacts } from './serverJsonPlaces';
export { normalizePythonName } from './manifestPlaces';
export { checkExtraFileRule } from './extraPlaces';
export { parseJsonPath } from './jsonText';
export {
  buildVersionPicker,
  checkTypedVersion,
  CUSTOM_ITEM,
  existingVersions,
  impactInWords,
  PREID_CHOICES,
  PRERELEASE_ITEM,
  suggestionsFor,
  takenReason,
  type InputCheck,
  type KnownVersion,
  type PickerItem,
  type PickerView,
  type RegistryKnowledge,
} from './picker';
export { changelogEntry, hasChangelogEntry, type ChangelogEntry } from './changelog';
