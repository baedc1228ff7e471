// Deploy, promote and roll back: guards, confirmation, the deploy command as a task, verification
// against the endpoint, and the history record.
import * as vscode from 'vscode';
import { UserCancelledError, UserFacingError } from '../commands/registerCommand';
import {
  checkDeployment,
  confirmationMessage,
  DEFAULT_PROBE_TIMEOUT_MS,
  deployEnvironmentVariables,
  rollbackTarget,
  substituteDeployCommand,
  verifyLiveVersion,
  wasVerifiedOn,
  type DeploymentKind,
  type DeploymentRecord,
  type DeploymentResult,
  type EnvironmentConfig,
} from './model';
import type { DeploymentHistory } from './historyStore';
import type { UserPrompts } from './prompts';
import type { RegistryVersionsCache } from './registryLookup';
import type { EnvironmentStatusStore } from './statusStore';
import { requireTrust } from '../trust';
import { runShellTask } from './taskRunner';

export interface DeployServices {
  readonly store: EnvironmentStatusStore;
  readonly history: DeploymentHistory;
  readonly registry: RegistryVersionsCache;
  readonly prompts: () => UserPrompts;
  readonly log: vscode.LogOutputChannel;
  readonly who: () => Promise<string>;
  /** Time between two verification probes. */
  readonly verifyIntervalMs: () => number;
}

export interface DeployRequest {
  readonly environment: EnvironmentConfig;
  readonly version: string;
  readonly kind: DeploymentKind;
  /** For a promotion: the environment the version comes from. */
  readonly source?: string;
}

const ACTION: Record<DeploymentKind, string> = { deploy: 'Deploy', promote: 'Promote', rollback: 'Roll Back' };

export async function deploy(services: DeployServices, request: DeployRequest): Promise<DeploymentRecord> {
  requireTrust(ACTION[request.kind]);
  const { store, history, prompts } = services;
  const env = request.environment;
  const { version, kind } = request;
  const running = store.get(env.name)?.activity;
  if (running) throw new UserFacingError(`${env.name} is already ${running.phase === 'confirming' ? 'waiting for a confirmation of' : 'deploying'} ${running.version}.`);
  await store.refresh(env.name);
  const registry = await services.registry.versionsFor(env, true);
  const requiredOk =
    kind === 'rollback' ||
    !env.requires ||
    wasVerifiedOn(history.all(), env.requires, version) ||
    (store.get(env.requires)?.probe?.ok === true && store.liveVersion(env.requires) === version);
  const verdict = checkDeployment({ target: env, version, registryVersions: registry.versions, requiredEnvironmentOk: requiredOk });
  if (verdict.blockers.length > 0) {
    const suffix = registry.error ? ` (${registry.error})` : '';
    throw new UserFacingError(verdict.blockers.join(' ') + suffix);
  }
  if (verdict.override) {
    const typed = await prompts().input({
      title: `${ACTION[kind]} ${version} to ${env.name}`,
      prompt: `${verdict.override.reason} Type "${verdict.override.typeToConfirm}" to deploy anyway.`,
      placeHolder: verdict.override.typeToConfirm,
      validate: (value) => (value === verdict.override!.typeToConfirm ? undefined : `Type ${verdict.override!.typeToConfirm} to override`),
    });
    if (typed !== verdict.override.typeToConfirm) throw new UserCancelledError();
  }
  const current = store.liveVersion(env.name);
  const vars = { version, environment: env.name, server: env.server };
  let commandLine: string;
  try {
    commandLine = substituteDeployCommand(env.deploy!, vars);
  } catch (error) {
    throw new UserFacingError(error instanceof Error ? error.message : String(error));
  }
  const historyFile = await history.checkFile();
  if (historyFile && !historyFile.ok) throw new UserFacingError(`${historyFile.message} ${vscode.l10n.t('Nothing was deployed.')}`);
  const message = confirmationMessage(kind, version, env.name, current, request.source);
  const detail = [...verdict.warnings, verdict.override ? `Overriding: ${verdict.override.reason}` : '', `Runs: ${commandLine}`].filter(Boolean).join('\n');
  store.setActivity(env.name, { phase: 'confirming', version });
  try {
    if (!(await prompts().confirm(`${message}?`, detail, ACTION[kind]))) throw new UserCancelledError();
    store.setOutcome(env.name, undefined);
    const at = new Date().toISOString();
    const who = await services.who();
    store.setActivity(env.name, { phase: 'running', version });
    services.log.info(`${env.name}: ${ACTION[kind].toLowerCase()} ${current ?? '?'} → ${version} by ${who}`);
    const run = await runShellTask(`${ACTION[kind]} ${version} to ${env.name}`, commandLine, deployEnvironmentVariables(vars));
    let result: DeploymentResult;
    let resultDetail: string | undefined;
    if (run.exitCode !== 0) {
      result = 'command-failed';
      resultDetail = run.exitCode === undefined ? 'the command did not start' : `exit code ${run.exitCode}`;
    } else {
      store.setActivity(env.name, { phase: 'verifying', version });
      const probeTimeoutMs = Math.min(DEFAULT_PROBE_TIMEOUT_MS, env.verifyTimeoutSeconds * 1000);
      const outcome = await verifyLiveVersion(() => store.probe(env, probeTimeoutMs), version, {
        timeoutMs: env.verifyTimeoutSeconds * 1000,
        intervalMs: services.verifyIntervalMs(),
        onProbe: (probe) => store.acceptProbe(env.name, probe),
      });
      result = outcome.verified ? 'verified' : 'not-verified';
      resultDetail = outcome.verified
        ? `verified in ${(outcome.elapsedMs / 1000).toFixed(1)} s`
        : `after ${env.verifyTimeoutSeconds} s the endpoint ${outcome.lastSeen ? `still reports ${outcome.lastSeen}` : `is unreachable (${outcome.lastError ?? 'no answer'})`}`;
    }
    const record: DeploymentRecord = { id: `${at}-${env.name}-${Math.random().toString(36).slice(2, 8)}`, environment: env.name, server: env.server, kind, from: current, to: version, who, at, result, detail: resultDetail };
    await history.add(record);
    services.log.info(`${env.name}: ${version} ${result}${resultDetail ? ` (${resultDetail})` : ''}`);
    report(services, env, record);
    return record;
  } finally {
    store.setActivity(env.name, undefined);
    void store.refreshAll();
  }
}

function report(services: DeployServices, env: EnvironmentConfig, record: DeploymentRecord): void {
  const { store } = services;
  const verb = ACTION[record.kind];
  if (record.result === 'verified') {
    store.setOutcome(env.name, { ok: true, version: record.to, message: `${record.to} verified live` });
    void services.prompts().notify('info', `${verb}: ${env.name} now runs ${record.to} (${record.detail}).`, []);
    return;
  }
  const what = record.result === 'command-failed' ? `deploy command failed (${record.detail})` : `not verified: ${record.detail}`;
  store.setOutcome(env.name, { ok: false, version: record.to, message: `${record.to} ${what}` });
  const target = rollbackTarget(services.history.all(), env.name);
  const actions = target ? [`Roll Back to ${target}`, 'Show Log'] : ['Show Log'];
  void services.prompts().notify('error', `${verb} ${record.to} to ${env.name}: ${what}.`, actions).then((picked) => {
    if (picked === 'Show Log') services.log.show(true);
    else if (picked) void vscode.commands.executeCommand('mcpVersions.environments.rollBack', { type: 'environment', name: env.name });
  });
}
