import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from 'jsonc-parser';
import { validateServerJson, type Problem, type ValidateOptions } from '../../../src/serverJson';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const sharedRegistryDir = path.resolve(repoRoot, '..', 'shared', 'mcp-registry');

let schemasCache: Record<string, object> | undefined;

/** Official schemas from the shared upstream copy, keyed by their `$id`. */
export function officialSchemas(): Record<string, object> {
  if (schemasCache) return schemasCache;
  const schemas: Record<string, object> = {};
  const dir = path.join(sharedRegistryDir, 'server-json');
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.json')) continue;
    const schema = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { $id?: string };
    if (schema.$id) schemas[schema.$id] = schema;
  }
  schemasCache = schemas;
  return schemas;
}

export function readSharedJson(...segments: string[]): unknown {
  return JSON.parse(readFileSync(path.join(sharedRegistryDir, ...segments), 'utf8'));
}

export const CURRENT = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';

/** A valid current server.json; `changes` are merged over the top level (undefined removes a key). */
export function serverJson(changes: Record<string, unknown> = {}): string {
  const base: Record<string, unknown> = {
    $schema: CURRENT,
    name: 'io.github.alice/weather',
    description: 'Weather forecasts for your agent',
    version: '1.2.0',
    packages: [{ registryType: 'npm', identifier: '@alice/weather', version: '1.2.0', transport: { type: 'stdio' } }],
  };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete base[key];
    else base[key] = value;
  }
  return JSON.stringify(base, null, 2);
}

export function validate(text: string, options: ValidateOptions = {}): Problem[] {
  return validateServerJson(text, { schemas: officialSchemas(), ...options });
}

export function only(problems: Problem[], code: string): Problem {
  const matching = problems.filter((problem) => problem.code === code);
  if (matching.length !== 1) throw new Error(`expected exactly one ${code}, got: ${JSON.stringify(problems, null, 2)}`);
  return matching[0]!;
}

export function codes(problems: Problem[]): string[] {
  return problems.map((problem) => problem.code);
}

export function covered(text: string, problem: Problem): string {
  return text.slice(problem.range.start, problem.range.end);
}

export function applyFix(text: string, problem: Problem): string {
  if (!problem.fix) throw new Error(`${problem.code} has no fix`);
  return applyEdits(text, problem.fix.edits);
}
