// The instructions shown after "Generate Key Pair for Domain…": where to publish the public key record
// so the registry can verify DNS or HTTP sign-in. Pure text, no `vscode` import.
import type { KeyAlgorithm } from '../registry';

export interface KeyProofInstructionsInput {
  readonly domain: string;
  readonly algorithm: KeyAlgorithm;
  readonly record: string;
  readonly registryName: string;
  readonly method: 'dns' | 'http' | 'either';
}

/** The reversed domain namespace the proof grants, e.g. `com.example/*` for `example.com`. */
export function namespaceOfDomain(domain: string): string {
  return `${domain.toLowerCase().split('.').reverse().join('.')}/*`;
}

/** Host names only (no scheme, path, port or wildcard): what the registry accepts as `domain`. */
export function isValidDomainName(domain: string): boolean {
  return domain.length <= 253 && /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(domain);
}

export function keyProofInstructions(input: KeyProofInstructionsInput): string {
  const { domain, record } = input;
  const algorithm = input.algorithm === 'ed25519' ? 'Ed25519' : 'ECDSA P-384';
  const lines = [
    `# Key proof for ${domain}`,
    '',
    `A new ${algorithm} key pair was generated for signing in to **${input.registryName}** as \`${domain}\`.`,
    'The private key is stored in VS Code’s secret storage on this computer; it is not in this document.',
    `Once the public key below is published, sign-in grants publishing to \`${namespaceOfDomain(domain)}\`.`,
    '',
    '## The record',
    '',
    '```text',
    record,
    '```',
    '',
  ];
  if (input.method !== 'http') {
    lines.push(
      '## DNS sign-in: a TXT record at the apex of the domain',
      '',
      '```text',
      `${domain}.  IN  TXT  "${record}"`,
      '```',
      '',
      `DNS sign-in also grants sub-domain namespaces (\`${namespaceOfDomain(domain).replace(/\/\*$/, '.*')}\`). The record must be at \`${domain}\` itself,`,
      'not under `_mcp-auth` or another label. DNS changes can take a while to propagate.',
      '',
    );
  }
  if (input.method !== 'dns') {
    lines.push(
      '## HTTP sign-in: a file on your web server',
      '',
      `Serve the record as plain text at \`https://${domain}/.well-known/mcp-registry-auth\``,
      '(no redirects, at most 4 KB; several records may be listed one per line).',
      '',
    );
  }
  lines.push(
    '## Then',
    '',
    'Run **MCP Versions: Sign In…** for the registry. Registry tokens last 5 minutes; the extension renews them',
    'before each publish or status change by signing the current time with the stored key.',
    '',
  );
  return lines.join('\n');
}
