// Header values marked `secret` live in VS Code's SecretStorage, keyed by environment name, endpoint origin
// and header name: a workspace that names its environment "production" but points it elsewhere finds no
// value (the view asks for one again), and the value stored for the old origin is never sent to the new one.
import type * as vscode from 'vscode';
import type { EnvironmentConfig } from './model';

/** What a secret belongs to: the environment's name and where its endpoint is. */
export type SecretOwner = Pick<EnvironmentConfig, 'name' | 'endpoint'>;

export function endpointOrigin(endpoint: string): string {
  try {
    const origin = new URL(endpoint).origin;
    return origin === 'null' ? endpoint : origin;
  } catch {
    return endpoint;
  }
}

export class HeaderSecrets {
  constructor(private readonly storage: vscode.SecretStorage) {}

  private key(env: SecretOwner, header: string): string {
    return `mcpVersions.environments/${encodeURIComponent(env.name)}/${encodeURIComponent(endpointOrigin(env.endpoint))}/${header.toLowerCase()}`;
  }

  get(env: SecretOwner, header: string): Thenable<string | undefined> {
    return this.storage.get(this.key(env, header));
  }

  set(env: SecretOwner, header: string, value: string): Thenable<void> {
    return this.storage.store(this.key(env, header), value);
  }

  delete(env: SecretOwner, header: string): Thenable<void> {
    return this.storage.delete(this.key(env, header));
  }

  /** The headers to send, and the names of secret headers that have no value yet (for this origin). */
  async resolve(env: EnvironmentConfig): Promise<{ headers: Record<string, string>; missing: string[] }> {
    const headers: Record<string, string> = {};
    const missing: string[] = [];
    for (const header of env.headers) {
      const value = header.secret ? await this.get(env, header.name) : header.value;
      if (value === undefined || value === '') {
        if (header.secret) missing.push(header.name);
        continue;
      }
      headers[header.name] = value;
    }
    return { headers, missing };
  }
}
