/** Environment variables the server reads: from `.env.example` and a README's configuration section. */
import type { EnvVar } from './project';
import type { ProjectFiles } from './projectFiles';

const ENV_EXAMPLES = ['.env.example', '.env.sample', '.env.template', '.env.dist', 'example.env'];
const NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]{3,}[0-9]*$/;
const SECRET = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASS|CREDENTIALS?|PRIVATE|AUTH)(_|$)/;
/** Set by the shell or the runtime, never configuration the user gives. */
const AMBIENT = new Set(['PATH', 'HOME', 'USER', 'PWD', 'SHELL', 'TERM', 'LANG', 'TMPDIR', 'TEMP', 'TMP', 'NODE_ENV', 'CI', 'DEBUG']);
const PLACEHOLDER = /^(|<.*>|\.\.\.|x+|your[-_ ].*|change[-_ ]?me|todo|replace[-_ ].*|xxx.*)$/i;
const MAX_VARIABLES = 50;

export function isSecretName(name: string): boolean {
  return SECRET.test(name);
}

export function environmentVariables(files: ProjectFiles): EnvVar[] {
  const found = new Map<string, EnvVar>();
  const add = (variable: EnvVar) => {
    if (found.size >= MAX_VARIABLES || AMBIENT.has(variable.name) || !NAME.test(variable.name)) return;
    const known = found.get(variable.name);
    if (known) { known.description ??= variable.description; return; }
    found.set(variable.name, variable);
  };
  const example = files.first(ENV_EXAMPLES);
  if (example) for (const variable of fromDotenv(files.get(example)!, example)) add(variable);
  const readme = files.readmeIn('');
  if (readme) for (const variable of fromReadme(files.get(readme)!, readme)) add(variable);
  return [...found.values()];
}

/** `NAME=value` lines; the comment lines right above one describe it. A secret's value is never kept. */
function fromDotenv(text: string, source: string): EnvVar[] {
  const variables: EnvVar[] = [];
  let comment: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('#')) {
      const body = line.replace(/^#+\s*/, '');
      const commented = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=/.exec(body);
      if (commented) variables.push({ name: commented[1], description: describe(comment), isSecret: isSecretName(commented[1]) || undefined, source });
      else if (body !== '') comment.push(body);
      if (commented) comment = [];
      continue;
    }
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*(?:\s#\s*(.*))?$/.exec(line);
    if (!match) { comment = []; continue; }
    const [, name, rawValue, trailing] = match;
    const secret = isSecretName(name);
    const value = rawValue.replace(/^(["'])(.*)\1$/, '$2');
    variables.push({
      name,
      description: trailing?.trim() || describe(comment),
      isSecret: secret || undefined,
      default: secret || PLACEHOLDER.test(value) ? undefined : value,
      source,
    });
    comment = [];
  }
  return variables;
}

function describe(lines: string[]): string | undefined {
  const text = lines.join(' ').trim();
  return text === '' ? undefined : text.slice(0, 300);
}

/**
 * In a section titled like configuration/environment: table rows and list items that start with a
 * variable name, `NAME=value` lines, and `"NAME": "…"` entries of an `env` block.
 */
function fromReadme(text: string, source: string): EnvVar[] {
  const variables: EnvVar[] = [];
  for (const section of configurationSections(text)) {
    for (const raw of section.split(/\r?\n/)) {
      const line = raw.trim();
      const row = /^\|\s*`?([A-Z][A-Z0-9_]+)`?\s*\|\s*([^|]*)\|/.exec(line);
      const item = /^[-*]\s+`([A-Z][A-Z0-9_]+)`\s*(?:[:–—-]\s*|\s+)(.*)$/.exec(line);
      const assignment = /^(?:export\s+)?([A-Z][A-Z0-9_]+)=/.exec(line);
      const jsonEntry = /^"([A-Z][A-Z0-9_]+)"\s*:\s*"/.exec(line);
      const name = row?.[1] ?? item?.[1] ?? assignment?.[1] ?? jsonEntry?.[1];
      if (!name) continue;
      const description = (row?.[2] ?? item?.[2])?.replace(/[`*_]/g, '').trim();
      variables.push({ name, description: description || undefined, isSecret: isSecretName(name) || undefined, source });
    }
  }
  return variables;
}

function configurationSections(text: string): string[] {
  const sections: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(lines[i]);
    if (!heading || !/configur|environment|env(ironment)? var|settings/i.test(heading[2])) continue;
    const level = heading[1].length;
    let end = i + 1;
    for (; end < lines.length; end++) {
      const next = /^(#{1,6})\s/.exec(lines[end]);
      if (next && next[1].length <= level) break;
    }
    sections.push(lines.slice(i + 1, end).join('\n'));
    i = end - 1;
  }
  return sections;
}
