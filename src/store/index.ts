// The registry data store and the audit trail its writes feed.
export { RegistryStore, StatusWriteError, type StatusWrite, type Authorize, type ClientPool, type ReadOptions, type StoreChange, type StoreOptions } from './store';
export { AuditTrail, HISTORY_STATE_KEY } from './auditTrail';
export { lookUpVersion, mayHaveLanded, responsesOf, type AuditRecord, type RegistryWriteRecord, type VersionsAnswer } from './model';
