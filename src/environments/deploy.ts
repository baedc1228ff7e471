// Deploy, promote and roll back: guards, confirmation, the deploy command as a task, verification
// against the endpoint, and the history record.
import * as vscode from 'vscode';
import { UserCancelledError, UserFacingError } from '../commands/registerCommand';
import {
  checkDeployment,
  confirmationMessage,
  DEFAULT_PROBE_TIMEOUT_MS,
  deployEnvironmentVariables,
  probeProblemInWords,
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
import type { DeployPrompts } from './prompts';
import type { RegistryVersionsCache } from './registryLookup';
import type { EnvironmentStatusStore } from './statusStore';
import { requireTrust } from '../trust';
import { runShellTask } from './taskRunner';

export interface DeployServices {
  readonly store: EnvironmentStatusStore;
  readonly history: DeploymentHistory;
  readonly registry: RegistryVersionsCache;
  readonly prompts: () => DeployPrompts;
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

const ACTION: Record<DeploymentKind, string> = { deploy: vscode.l10n.t('Deploy'), promote: vscode.l10n.t('Promote'), rollback: vscode.l10n.t('Roll Back') };

export async function deploy(services: DeployServices, request: DeployRequest): Promise<DeploymentRecord> {
  requireTrust(ACTION[request.kind]);
  const { store, history, prompts } = services;
  const env = request.environment;
  const { version, kind } = request;
  const running = store.get(env.name)?.activity;
  if (running) throw new UserFacingError(running.phase === 'confirming' ? vscode.l10n.t('{0} is already waiting for a confirmation of {1}.', env.name, running.version) : vscode.l10n.t('{0} is already deploying {1}.', env.name, running.version));
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
      title: vscode.l10n.t('{0} {1} to {2}', ACTION[kind], version, env.name),
      prompt: vscode.l10n.t('{0} Type "{1}" to deploy anyway.', verdict.override.reason, verdict.override.typeToConfirm),
      placeHolder: verdict.override.typeToConfirm,
      validate: (value) => (value === verdict.override!.typeToConfirm ? undefined : vscode.l10n.t('Type {0} to override', verdict.override!.typeToConfirm)),
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
  const detail = [...verdict.warnings, verdict.override ? vscode.l10n.t('Overriding: {0}', verdict.override.reason) : '', vscode.l10n.t('Runs: {0}', commandLine)].filter(Boolean).join('\n');
  store.setActivity(env.name, { phase: 'confirming', version });
  try {
    if (!(await prompts().confirm(`${message}?`, detail, ACTION[kind]))) throw new UserCancelledError();
    store.setOutcome(env.name, undefined);
    const at = new Date().toISOString();
    const who = await services.who();
    store.setActivity(env.name, { phase: 'running', version });
    services.log.info(`${env.name}: ${ACTION[kind].toLowerCase()} ${current ?? '?'} → ${version} by ${who}`);
    const run = await runShellTask(vscode.l10n.t('{0} {1} to {2}', ACTION[kind], version, env.name), commandLine, deployEnvironmentVariables(vars));
    let result: DeploymentResult;
    let resultDetail: string | undefined;
    let lastAnswer: string | undefined;
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
        : `after ${env.verifyTimeoutSeconds} s the endpoint ${outcome.lastSeen ? `still reports ${outcome.lastSeen}` : `is unreachable: ${outcome.lastError ? probeProblemInWords(outcome.lastError) : 'no answer'}`}`;
      lastAnswer = outcome.verified ? undefined : outcome.lastError;
    }
    const record: DeploymentRecord = { id: `${at}-${env.name}-${Math.random().toString(36).slice(2, 8)}`, environment: env.name, server: env.server, kind, from: current, to: version, who, at, result, detail: resultDetail };
    await history.add(record);
    services.log.info(`${env.name}: ${version} ${result}${resultDetail ? ` (${resultDetail})` : ''}${lastAnswer ? `; the endpoint answered: ${lastAnswer}` : ''}`);
    report(services, env, record, lastAnswer);
    return record;
  } finally {
    store.setActivity(env.name, undefined);
    void store.refreshAll();
  }
}

function report(services: DeployServices, env: EnvironmentConfig, record: DeploymentRecord, lastAnswer?: string): void {
  const { store } = services;
  const verb = ACTION[record.kind];
  if (record.result === 'verified') {
    store.setOutcome(env.name, { ok: true, version: record.to, message: vscode.l10n.t('{0} verified live', record.to) });
    void services.prompts().notify('info', vscode.l10n.t('{0}: {1} now runs {2} ({3}).', verb, env.name, record.to, record.detail ?? ''), []);
    return;
  }
  const what = record.result === 'command-failed' ? vscode.l10n.t('deploy command failed ({0})', record.detail ?? '') : vscode.l10n.t('not verified: {0}', record.detail ?? '');
  store.setOutcome(env.name, { ok: false, version: record.to, message: `${record.to} ${what}`, detail: lastAnswer });
  const target = rollbackTarget(services.history.all(), env.name);
  const actions = target ? [vscode.l10n.t('Roll Back to {0}', target), vscode.l10n.t('Show Log')] : [vscode.l10n.t('Show Log')];
  void services.prompts().notify('error', vscode.l10n.t('{0} {1} to {2}: {3}.', verb, record.to, env.name, what), actions).then((picked) => {
    if (picked === vscode.l10n.t('Show Log')) services.log.show(true);
    else if (picked) void vscode.commands.executeCommand('mcpVersions.environments.rollBack', { type: 'environment', name: env.name });
  });
}
