// Pure model of environments (no vscode import): settings, drift, history, guards, templates, probing.
export * from './config';
export * from './template';
export * from './backoff';
export * from './registryVersions';
export * from './drift';
export * from './history';
export * from './guards';
export * from './probe';
export * from './verify';
export * from '../../store/model/historyPath';
export * from './stateWords';
