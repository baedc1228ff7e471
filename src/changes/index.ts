/** The change model between two server.json versions: semantic diff, impact and bump judgement. */
export type {
  ActualBump,
  Bump,
  BumpJudgement,
  ChangeItem,
  ChangeItemKind,
  ChangeKind,
  ChangeOwner,
  FieldChange,
  Impact,
  Section,
  ServerDiff,
} from './model';
export { diffServerJson, PROVENANCE_PATH } from './diff';
export { PROVENANCE_KEY } from './model';
export { classifyChangeImpact, reasonsOf } from './classify';
export { judgeBump, actualBump } from './judge';
export { canonicalJson } from './json';
export { normalizeServer } from './normalize';
export { packageIdentity, remoteIdentity, parseOciReference, mcpbKey } from './identity';
