// The pure parts of the registry data store (no `vscode`).
export * from './versions';
export * from './audit';
export * from './lostAnswer';
