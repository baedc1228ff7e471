// Sign-in per registry: installs the credential exchange every write goes through (src/auth/tokens.ts),
// the identity the Registry tree shows (found in the background when credentials are at hand: probe.ts),
// and the Sign In / Sign Out / Generate Key Pair commands.
import type * as vscode from 'vscode';
import type { CommandContext } from '../commands/registerCommand';
import type { RegistryClient } from '../registry';
import { readRegistries } from '../registries/config';
import { registerAuthCommands, type AuthCommandServices } from './commands';
import { OriginApprovals } from './approvals';
import { createCredentialExchange } from './exchanges';
import { GithubSessionUse } from './githubSession';
import { SignedInIdentityProvider } from './identity';
import { IdentityProbe } from './probe';
import { AuthStore } from './store';
import { forgetRegistryToken, setCredentialExchange } from './tokens';

export { SignInError, SIGN_IN_COMMAND, GENERATE_KEY_COMMAND, signInActions } from './exchanges';
export { SIGN_OUT_COMMAND, type GeneratedKey, type SignInResult } from './commands';
export type { SignedInIdentityProvider, SignedInIdentity } from './identity';

export type AuthServices = CommandContext;

/** What tests and other features may ask of sign-in. */
export interface AuthApi {
  /** Background sign-in now (it also runs by itself); resolves when done. Undefined before registerCommands. */
  probeIdentities(): Promise<void> | undefined;
  /** The origins the user allowed to receive credentials (tests check approvals and their revocation). */
  approvedOrigins(): string[];
}

export interface Auth extends AuthApi {
  readonly identity: SignedInIdentityProvider;
  readonly store: AuthStore;
  readonly approvals: OriginApprovals;
  /** A registry was removed: its stored tokens, its origin's approval and its registry token are forgotten. */
  forgetRegistry(url: string): Promise<void>;
  /** Second step, once the Registry tree's clients exist: the commands, and the first background sign-in. */
  registerCommands(clientFor: (url: string) => RegistryClient): void;
}

export function registerAuth(context: vscode.ExtensionContext, services: AuthServices): Auth {
  const store = new AuthStore(context.secrets, context.globalState);
  const identity = new SignedInIdentityProvider(readRegistries);
  const sessions = new GithubSessionUse();
  const approvals = new OriginApprovals(context.globalState);
  const exchanges = createCredentialExchange(store, sessions, { approvals, prompts: services.ui });
  setCredentialExchange(exchanges.interactive, exchanges.quiet);
  context.subscriptions.push(identity, approvals, { dispose: () => setCredentialExchange(undefined) });
  let probe: IdentityProbe | undefined;
  return {
    identity,
    store,
    approvals,
    async forgetRegistry(url) {
      await Promise.all([store.setGithubToken(url, undefined), store.setBearerToken(url, undefined), approvals.forget(url)]);
      sessions.forget(url);
      forgetRegistryToken(url);
    },
    registerCommands(clientFor) {
      const commandServices: AuthCommandServices = { log: services.log, ui: services.ui, store, identity, approvals, clientFor };
      context.subscriptions.push(...registerAuthCommands(commandServices));
      probe = new IdentityProbe({ log: services.log, store, identity, sessions, approvals, registries: readRegistries, clientFor });
      context.subscriptions.push(probe);
      void probe.schedule();
    },
    probeIdentities: () => probe?.schedule(),
    approvedOrigins: () => approvals.origins(),
  };
}
