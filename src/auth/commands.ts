// "Sign In…", "Sign Out" and "Generate Key Pair for Domain…", per registry (registry node or palette picker).
import * as vscode from 'vscode';
import { registerCommand, UserCancelledError, UserFacingError, withProgress, type CommandContext } from '../commands/registerCommand';
import { generateKeyProofKeyPair, keyProofRecord, publicKeyBase64, publishableNamespaces, type KeyAlgorithm, type RegistryClient } from '../registry';
import { normalizeRegistryUrl, readRegistries, type AuthMethod, type RegistryConfig } from '../registries/config';
import type { UserPrompts } from '../commands/prompts';
import { abortSignalFor } from '../util/cancellation';
import { GENERATE_KEY_COMMAND, GITHUB_SCOPES, SIGN_IN_COMMAND } from './exchanges';
import type { SignedInIdentityProvider } from './identity';
import { isValidDomainName, keyProofInstructions, namespaceOfDomain } from './keyProofText';
import { askApproval, isSecureForCredentials, type OriginApprovals } from './approvals';
import type { AuthStore } from './store';
import { forgetRegistryToken, getRegistryToken } from './tokens';

export const SIGN_OUT_COMMAND = 'mcpVersions.signOut';

export interface AuthCommandServices extends CommandContext {
  readonly store: AuthStore;
  readonly identity: SignedInIdentityProvider;
  readonly approvals: OriginApprovals;
  readonly clientFor: (url: string) => RegistryClient;
}

export interface SignInResult {
  readonly registry: string;
  readonly namespaces: string[];
  readonly subject?: string;
}

export interface GeneratedKey {
  readonly domain: string;
  readonly algorithm: KeyAlgorithm;
  readonly record: string;
  readonly document: vscode.TextDocument;
}

const METHOD_LABELS: Record<AuthMethod, string> = {
  github: 'GitHub',
  dns: vscode.l10n.t('DNS key proof'),
  http: vscode.l10n.t('HTTP key proof'),
  none: 'anonymous',
  bearer: vscode.l10n.t('bearer token'),
};

export function registerAuthCommands(services: AuthCommandServices): vscode.Disposable[] {
  return [
    registerCommand(services, SIGN_IN_COMMAND, async (arg?: unknown) => signIn(services, await registryArg(services, arg, vscode.l10n.t('Sign In')))),
    registerCommand(services, SIGN_OUT_COMMAND, async (arg?: unknown) => signOut(services, await registryArg(services, arg, vscode.l10n.t('Sign Out')))),
    registerCommand(services, GENERATE_KEY_COMMAND, async (arg?: unknown) =>
      generateKey(services, await registryArg(services, arg, vscode.l10n.t('Generate Key Pair for Domain'), (r) => r.auth === 'dns' || r.auth === 'http'))),
  ];
}

export async function signIn(services: AuthCommandServices, registry: RegistryConfig): Promise<SignInResult | undefined> {
  const method = registry.auth ?? 'github';
  const { store, ui: prompts, approvals } = services;
  const wasApproved = approvals.isApproved(registry.url);
  if (method !== 'none') {
    if (!isSecureForCredentials(registry.url)) {
      throw new UserFacingError(vscode.l10n.t('“{0}” is a plain http:// URL: credentials are sent only over https (or to this computer). Use its https:// URL.', registry.name));
    }
    // Running Sign In on a registry from the user's own settings is the approval; one a workspace (or the
    // MCP gallery setting) names is confirmed first, with the host it really is.
    if (registry.definedIn === 'workspace' || registry.definedIn === 'gallery') await askApproval(approvals, prompts, registry, method);
  }
  if (method === 'github') {
    const account = { label: vscode.l10n.t('$(github) Use my GitHub account in VS Code'), description: vscode.l10n.t('asks for read:org to include organisations you own'), pasted: false };
    const paste = { label: vscode.l10n.t('$(key) Paste a GitHub token…'), description: vscode.l10n.t('a classic PAT with read:org, or `gh auth token`'), pasted: true };
    const picked = await prompts.pick([account, paste], { title: vscode.l10n.t('Sign In to {0}', registry.name), placeHolder: vscode.l10n.t('Which GitHub identity publishes?') });
    if (!picked) throw new UserCancelledError();
    const pasteToken = async (why?: string): Promise<void> => {
      const prompt = vscode.l10n.t('GitHub token (kept in VS Code’s secret storage)');
      const token = await prompts.input({ title: vscode.l10n.t('Sign In to {0}', registry.name), prompt: why ? `${why} ${prompt}` : prompt, password: true, ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Paste a token')) });
      if (!token) throw new UserCancelledError();
      await store.setGithubToken(registry.url, token.trim());
    };
    if (picked.pasted) {
      await pasteToken();
    } else {
      await store.setGithubToken(registry.url, undefined);
      // Some editors built on VS Code (forks) have no GitHub authentication provider: getSession throws.
      let session: vscode.AuthenticationSession | undefined;
      try {
        session = await vscode.authentication.getSession('github', GITHUB_SCOPES, { createIfNone: true });
      } catch (error) {
        // Only a missing provider falls back; a refusal or cancel stays a failed sign-in.
        if (!(error instanceof Error) || !/no authentication provider/i.test(error.message)) throw error;
        session = undefined;
      }
      if (!session) await pasteToken(vscode.l10n.t('This editor has no GitHub sign-in of its own: paste a GitHub token instead.'));
    }
  } else if (method === 'bearer') {
    const token = await prompts.input({ title: vscode.l10n.t('Sign In to {0}', registry.name), prompt: vscode.l10n.t('Bearer token issued by this registry (kept in VS Code’s secret storage)'), password: true, ignoreFocusOut: true });
    if (!token) throw new UserCancelledError();
    await store.setBearerToken(registry.url, token.trim());
  } else if (method === 'dns' || method === 'http') {
    const ready = await chooseDomainKey(services, registry);
    if (!ready) return undefined;
  }
  forgetRegistryToken(registry.url);
  if (method !== 'none') await approvals.approve(registry.url);
  const target = { name: registry.name, url: registry.url, auth: method, client: services.clientFor(registry.url) };
  try {
    await withProgress({ title: vscode.l10n.t('Signing in to {0}…', registry.name), cancellable: true }, (_p, token) => getRegistryToken(target, abortSignalFor(token)));
  } catch (error) {
    if (method === 'github') await store.setGithubToken(registry.url, undefined);
    if (method === 'bearer') await store.setBearerToken(registry.url, undefined);
    if (!wasApproved) await approvals.forget(registry.url);
    throw error;
  }
  const identity = services.identity.identityFor(registry.url);
  const namespaces = publishableNamespaces(identity?.permissions ?? []);
  const who = identity?.subject ? vscode.l10n.t(' as {0}', identity.subject) : '';
  const where = namespaces.length ? vscode.l10n.t('You may publish to {0}.', namespaces.join(', ')) : vscode.l10n.t('This identity may not publish to any namespace.');
  void prompts.info(vscode.l10n.t('Signed in to {0}{1} ({2}). {3}', registry.name, who, METHOD_LABELS[method], where));
  return { registry: registry.url, namespaces, subject: identity?.subject };
}

/** Picks the domain and makes sure a private key is stored for it; false when the user must publish a new key first. */
async function chooseDomainKey(services: AuthCommandServices, registry: RegistryConfig): Promise<boolean> {
  const { store, ui: prompts } = services;
  const domain = await askDomain(prompts, registry, store.domain(registry.url));
  await store.setDomain(registry.url, domain);
  if (await store.domainKey(registry.url, domain)) return true;
  const generate = { label: vscode.l10n.t('$(key) Generate a new key pair'), description: vscode.l10n.t('then publish its public key'), generate: true };
  const importKey = { label: vscode.l10n.t('$(file-symlink-file) Enter an existing private key…'), description: vscode.l10n.t('hex, as for mcp-publisher --private-key'), generate: false };
  const picked = await prompts.pick([generate, importKey], { title: vscode.l10n.t('Sign In to {0} as {1}', registry.name, domain), placeHolder: vscode.l10n.t('No private key is stored for {0}', domain) });
  if (!picked) throw new UserCancelledError();
  if (picked.generate) {
    await generateKey(services, registry, domain);
    return false;
  }
  const hex = await prompts.input({
    title: vscode.l10n.t('Private key for {0}', domain),
    prompt: vscode.l10n.t('Ed25519 seed (64 hex characters) or P-384 private key (96 hex characters); kept in VS Code’s secret storage'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (/^(0x)?([0-9a-f]{64}|[0-9a-f]{96})$/i.test(v.trim()) ? undefined : vscode.l10n.t('Enter 64 (Ed25519) or 96 (P-384) hex characters')),
  });
  if (!hex) throw new UserCancelledError();
  const clean = hex.trim().replace(/^0x/i, '');
  await store.setDomainKey(registry.url, domain, { algorithm: clean.length === 64 ? 'ed25519' : 'ecdsap384', privateKeyHex: clean });
  return true;
}

async function askDomain(prompts: UserPrompts, registry: RegistryConfig, current: string | undefined): Promise<string> {
  const domain = await prompts.input({
    title: vscode.l10n.t('Domain for {0}', registry.name),
    prompt: vscode.l10n.t('The domain you prove (example.com grants the com.example/* namespace)'),
    value: current,
    ignoreFocusOut: true,
    validateInput: (v) => (isValidDomainName(v.trim()) ? undefined : vscode.l10n.t('Enter a domain name such as example.com')),
  });
  if (!domain) throw new UserCancelledError();
  return domain.trim().toLowerCase();
}

export async function signOut(services: AuthCommandServices, registry: RegistryConfig): Promise<void> {
  await Promise.all([services.store.signOut(registry.url), services.approvals.forget(registry.url)]);
  forgetRegistryToken(registry.url);
  const session = registry.auth === undefined || registry.auth === 'github' ? vscode.l10n.t(' VS Code’s own GitHub account stays signed in (Accounts menu).') : '';
  void services.ui.info(vscode.l10n.t('Signed out of {0}.{1}', registry.name, session));
}

export async function generateKey(services: AuthCommandServices, registry: RegistryConfig, knownDomain?: string): Promise<GeneratedKey> {
  const { store, ui: prompts } = services;
  const domain = knownDomain ?? (await askDomain(prompts, registry, store.domain(registry.url)));
  const existing = await store.domainKey(registry.url, domain);
  if (existing) {
    const replace = await prompts.warning(vscode.l10n.t('A private key for {0} is already stored for {1}.', domain, registry.name), { modal: true, detail: vscode.l10n.t('Replacing it means publishing the new public key before you can sign in again.') }, vscode.l10n.t('Replace Key'), vscode.l10n.t('Show Current Record'));
    if (replace === vscode.l10n.t('Show Current Record')) return showKey(services, registry, domain, existing.algorithm, publicKeyBase64(existing.algorithm, existing.privateKeyHex));
    if (replace !== vscode.l10n.t('Replace Key')) throw new UserCancelledError();
  }
  const ed = { label: 'Ed25519', description: vscode.l10n.t('recommended'), algorithm: 'ed25519' as const };
  const p384 = { label: vscode.l10n.t('ECDSA P-384'), description: vscode.l10n.t('for keys that must be NIST curves'), algorithm: 'ecdsap384' as const };
  const algorithm = knownDomain ? ed : await prompts.pick([ed, p384], { title: vscode.l10n.t('Key pair for {0}', domain), placeHolder: vscode.l10n.t('Key algorithm') });
  if (!algorithm) throw new UserCancelledError();
  const pair = generateKeyProofKeyPair(algorithm.algorithm);
  await store.setDomainKey(registry.url, domain, { algorithm: pair.algorithm, privateKeyHex: pair.privateKeyHex });
  await store.setDomain(registry.url, domain);
  forgetRegistryToken(registry.url);
  return showKey(services, registry, domain, pair.algorithm, pair.publicKeyBase64);
}

async function showKey(services: AuthCommandServices, registry: RegistryConfig, domain: string, algorithm: KeyAlgorithm, publicKey: string): Promise<GeneratedKey> {
  const record = keyProofRecord(algorithm, publicKey);
  const method = registry.auth === 'dns' || registry.auth === 'http' ? registry.auth : 'either';
  const content = keyProofInstructions({ domain, algorithm, record, registryName: registry.name, method });
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(document, { preview: false });
  void services.ui.info(vscode.l10n.t('Publish the key record for {0}, then sign in to publish to {1}.', domain, namespaceOfDomain(domain)), vscode.l10n.t('Copy Record')).then(async (picked) => {
    if (picked === vscode.l10n.t('Copy Record')) await vscode.env.clipboard.writeText(record);
  });
  return { domain, algorithm, record, document };
}

/** The registry a command acts on: a URL, a registry tree node (or any node under one), or a pick. */
async function registryArg(services: AuthCommandServices, arg: unknown, title: string, prefer?: (r: RegistryConfig) => boolean): Promise<RegistryConfig> {
  const registries = readRegistries();
  const url = urlOf(arg);
  if (url) {
    const found = registries.find((r) => r.url === normalizeRegistryUrl(url));
    if (found) return found;
    throw new UserFacingError(vscode.l10n.t('{0} is not a configured registry.', url));
  }
  if (registries.length === 0) throw new UserFacingError(vscode.l10n.t('No registry is configured in mcpVersions.registries.'));
  if (registries.length === 1) return registries[0];
  const ordered = prefer ? [...registries.filter(prefer), ...registries.filter((r) => !prefer(r))] : registries;
  const picked = await services.ui.pick(
    ordered.map((r) => ({ label: r.name, description: r.url, detail: signInDetail(services, r), registry: r })),
    { title, placeHolder: vscode.l10n.t('Registry') },
  );
  if (!picked) throw new UserCancelledError();
  return picked.registry;
}

function signInDetail(services: AuthCommandServices, registry: RegistryConfig): string {
  const method = METHOD_LABELS[registry.auth ?? 'github'];
  const identity = services.identity.identityFor(registry.url);
  if (!identity) return vscode.l10n.t('{0} · not signed in', method);
  return vscode.l10n.t('{0} · {1} · may publish to {2}', method, identity.subject ?? 'signed in', publishableNamespaces(identity.permissions).join(', ') || 'nothing');
}

function urlOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const node = arg as { config?: { url?: unknown }; registry?: { config?: { url?: unknown } }; server?: { registry?: { config?: { url?: unknown } } } };
  const url = node.config?.url ?? node.registry?.config?.url ?? node.server?.registry?.config?.url;
  return typeof url === 'string' ? url : undefined;
}
