// Header values marked `secret` live in VS Code's SecretStorage, keyed by environment and header name.
import type * as vscode from 'vscode';
import type { EnvironmentConfig } from './model';

export class HeaderSecrets {
  constructor(private readonly storage: vscode.SecretStorage) {}

  private key(environment: string, header: string): string {
    return `mcpVersions.environments/${environment}/${header.toLowerCase()}`;
  }

  get(environment: string, header: string): Thenable<string | undefined> {
    return this.storage.get(this.key(environment, header));
  }

  set(environment: string, header: string, value: string): Thenable<void> {
    return this.storage.store(this.key(environment, header), value);
  }

  delete(environment: string, header: string): Thenable<void> {
    return this.storage.delete(this.key(environment, header));
  }

  /** The headers to send, and the names of secret headers that have no value yet. */
  async resolve(env: EnvironmentConfig): Promise<{ headers: Record<string, string>; missing: string[] }> {
    const headers: Record<string, string> = {};
    const missing: string[] = [];
    for (const header of env.headers) {
      const value = header.secret ? await this.get(env.name, header.name) : header.value;
      if (value === undefined || value === '') {
        if (header.secret) missing.push(header.name);
        continue;
      }
      headers[header.name] = value;
    }
    return { headers, missing };
  }
}
