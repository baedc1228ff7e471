// The nodes of the Environments view: an environment, its detail rows, its history folder and records.
import type { DeploymentRecord, Drift } from './model';
import { contextValue } from '../util/contextValue';

export type EnvironmentsNode =
  | { readonly type: 'environment'; readonly name: string }
  | { readonly type: 'detail'; readonly environment: string; readonly key: string; readonly row: DetailRow }
  | { readonly type: 'history'; readonly environment: string }
  | { readonly type: 'record'; readonly environment: string; readonly record: DeploymentRecord }
  | { readonly type: 'problem'; readonly message: string; readonly index: number };

export interface DetailRow {
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly icon: string;
  readonly color?: string;
  readonly command?: { readonly command: string; readonly title: string; readonly arguments?: unknown[] };
  readonly contextValue?: string;
}

export const DRIFT_ICON: Record<Drift['severity'], { icon: string; color: string }> = {
  error: { icon: 'error', color: 'errorForeground' },
  warning: { icon: 'warning', color: 'editorWarning.foreground' },
  info: { icon: 'info', color: 'editorInfo.foreground' },
};

/** "mcpv:environment:deployable:promotable:rollbackable", matched by package.json menus. */
export function environmentContextValue(flags: { deployable: boolean; promotable: boolean; rollbackable: boolean; secrets: boolean }): string {
  return contextValue('environment', [flags.deployable && 'deployable', flags.promotable && 'promotable', flags.rollbackable && 'rollbackable', flags.secrets && 'secrets']);
}
