import type { Project } from './project';
import type { ProjectFiles } from './projectFiles';
import type { DraftNote } from './types';

export const SERVER_NAME_LABEL = 'io.modelcontextprotocol.server.name';
/** Longer instructions are read only this far (hostile input stays linear). */
const MAX_INSTRUCTION_CHARS = 16_384;

interface Instruction {
  keyword: string;
  args: string;
  /** Offset just after the instruction's last line (its newline excluded). */
  end: number;
}

interface Stage {
  name?: string;
  base: string;
  labels: Map<string, string>;
  fromEnd: number;
}

export interface DockerFacts {
  file: string;
  /** Labels of the final image: its stage's and those of the stages it is built FROM. */
  labels: Map<string, string>;
  exposed: number[];
  /** Where a LABEL line for the final image goes: after its FROM instruction. */
  labelOffset: number;
  text: string;
}

export function readDockerfile(files: ProjectFiles): DockerFacts | undefined {
  const file = files.first(['Dockerfile', 'Containerfile', 'dockerfile']);
  if (!file) return undefined;
  const text = files.get(file)!;
  const stages: Stage[] = [];
  const exposed: number[] = [];
  for (const instruction of instructions(text)) {
    if (instruction.keyword === 'FROM') {
      const match = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(instruction.args);
      stages.push({ base: match?.[1] ?? '', name: match?.[2]?.toLowerCase(), labels: new Map(), fromEnd: instruction.end });
    } else if (instruction.keyword === 'LABEL' && stages.length > 0) {
      for (const [key, value] of labelPairs(instruction.args)) stages[stages.length - 1].labels.set(key, value);
    } else if (instruction.keyword === 'EXPOSE' && stages.length > 0) {
      for (const port of instruction.args.matchAll(/\b(\d{2,5})(?:\/tcp)?\b/g)) exposed.push(Number(port[1]));
    }
  }
  if (stages.length === 0) return undefined;
  const final = stages[stages.length - 1];
  const labels = new Map<string, string>();
  const chain: Stage[] = [];
  for (let stage: Stage | undefined = final; stage && !chain.includes(stage); stage = stages.find((s) => s.name !== undefined && s.name === stage!.base.toLowerCase())) chain.unshift(stage);
  for (const stage of chain) for (const [key, value] of stage.labels) labels.set(key, value);
  return { file, labels, exposed, labelOffset: final.fromEnd, text };
}

/** The OCI package: the image the Dockerfile builds (its name is chosen once the server name is known). */
export function ociProject(docker: DockerFacts, notes: DraftNote[]): Project {
  const declared = docker.labels.get(SERVER_NAME_LABEL);
  const markerName = literalLabel(docker, SERVER_NAME_LABEL);
  if (declared && !markerName) notes.push({ kind: 'todo', message: `The ${SERVER_NAME_LABEL} label in ${docker.file} is set from a build argument (${declared}); the draft cannot read it`, source: docker.file });
  return {
    kind: 'oci',
    file: docker.file,
    identifier: '',
    version: literalLabel(docker, 'org.opencontainers.image.version'),
    description: literalLabel(docker, 'org.opencontainers.image.description'),
    title: literalLabel(docker, 'org.opencontainers.image.title'),
    markerName,
    // A LABEL that is already there (maybe from a build argument) is overridden only by a later one.
    marker: { type: 'dockerfile', file: docker.file, afterOffset: declared === undefined ? docker.labelOffset : docker.text.length },
    repositoryUrl: literalLabel(docker, 'org.opencontainers.image.source'),
    publishable: true,
    fields: { runtimeHint: 'docker' },
    environment: [],
    notes: [],
  };
}

/** A label's value unless it comes from a build argument (`$VERSION`) or is empty. */
export function literalLabel(docker: DockerFacts, key: string): string | undefined {
  const value = docker.labels.get(key)?.trim();
  return value && !value.includes('$') ? value : undefined;
}

/** Logical instructions: comments skipped, `\` continuations joined. */
function instructions(text: string): Instruction[] {
  const found: Instruction[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let current: { keyword: string; args: string } | undefined;
  for (const rawLine of lines) {
    const line = rawLine.replace(/\r$/, '');
    const lineEnd = offset + line.length;
    offset += rawLine.length + 1;
    if (/^\s*#/.test(line)) continue;
    const continues = /\\\s*$/.test(line);
    const body = line.replace(/\\\s*$/, '');
    if (current) current.args += ` ${body.trim()}`;
    else {
      const match = /^\s*([A-Za-z]+)\s*(.*)$/.exec(body);
      if (!match) continue;
      current = { keyword: match[1].toUpperCase(), args: match[2].trim() };
    }
    if (!continues) {
      found.push({ ...current, end: lineEnd });
      current = undefined;
    }
  }
  if (current) found.push({ ...current, end: text.length });
  return found;
}

/** `key=value key2="two words"`, and the legacy one-pair form `key value`. */
function labelPairs(args: string): [string, string][] {
  const words = shellWords(args.slice(0, MAX_INSTRUCTION_CHARS));
  if (words.length > 0 && !words[0].includes('=')) return words.length > 1 ? [[words[0], words.slice(1).join(' ')]] : [];
  return words.filter((word) => word.includes('=')).map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]);
}

/** Splits on unquoted whitespace and removes the quotes, in one pass. */
function shellWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
