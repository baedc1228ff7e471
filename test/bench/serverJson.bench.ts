import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findServerJsonVersionFields, validateServerJson } from '../../src/serverJson';
import type { ShippedValidator } from '../../src/serverJson/types';

const repoRoot = path.resolve(__dirname, '..', '..');
const schemaDir = path.resolve(repoRoot, '..', 'shared', 'mcp-registry', 'server-json');

function loadOfficialSchemas(): Record<string, object> {
  const schemas: Record<string, object> = {};
  for (const file of readdirSync(schemaDir)) {
    if (!file.endsWith('.json')) continue;
    const schema = JSON.parse(readFileSync(path.join(schemaDir, file), 'utf8')) as { $id?: string };
    if (schema.$id) schemas[schema.$id] = schema;
  }
  return schemas;
}

/** A valid, current-schema server.json of about `targetBytes`, grown with npm packages carrying environment variables. */
export function buildLargeServerJson(targetBytes = 200 * 1024): string {
  const server: Record<string, unknown> = {
    $schema: 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json',
    name: 'io.github.bench/large-server',
    description: 'A deliberately large server.json used to time diagnostics',
    version: '1.2.3',
    repository: { url: 'https://github.com/bench/large-server', source: 'github' },
    packages: [] as unknown[],
    remotes: [{ type: 'streamable-http', url: 'https://mcp.example.com/{tenant}/mcp', variables: { tenant: { description: 'Tenant id', isRequired: true } } }],
  };
  const packages = server.packages as unknown[];
  for (let index = 0; JSON.stringify(server, null, 2).length < targetBytes; index++) {
    packages.push({
      registryType: 'npm',
      registryBaseUrl: 'https://registry.npmjs.org',
      identifier: `@bench/large-server-part-${index}`,
      version: '1.2.3',
      runtimeHint: 'npx',
      transport: { type: 'stdio' },
      packageArguments: [
        { type: 'named', name: '--port', value: '8080', description: 'Port to listen on' },
        { type: 'positional', valueHint: 'config_path', description: 'Configuration file', format: 'filepath' },
      ],
      environmentVariables: Array.from({ length: 6 }, (_, variable) => ({
        name: `BENCH_VARIABLE_${index}_${variable}`,
        description: 'An environment variable that the benchmark server reads at start-up',
        isRequired: variable % 2 === 0,
        isSecret: variable % 3 === 0,
        format: 'string',
      })),
    });
  }
  return JSON.stringify(server, null, 2);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function timeMedian(run: () => unknown, warmups: number, samples: number): number {
  for (let i = 0; i < warmups; i++) run();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * What the first check of a window pays for the schema, median of 5 (each with a fresh schema object, so nothing
 * is cached): `validate_first_check_ms` with the validator the build generated (loading its file included),
 * `validate_first_check_compiled_ms` compiling the schema with ajv as without it.
 */
function firstCheck(text: string): Record<string, number> {
  const file = path.join(repoRoot, 'dist/schemas/official/server.schema.2025-12-11.json');
  const validatorFile = file.replace(/\.json$/, '.validate.js');
  const url = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';
  const once = (shipped: boolean) => {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as object;
    const start = performance.now();
    const shippedValidators = new Map<object, ShippedValidator>();
    if (shipped) {
      delete require.cache[validatorFile];
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      shippedValidators.set(schema, require(validatorFile) as ShippedValidator);
    }
    validateServerJson(text, { schemas: { [url]: schema }, shippedValidators });
    return performance.now() - start;
  };
  const compiled: number[] = [];
  const shipped: number[] = [];
  for (let i = 0; i < 5; i++) {
    compiled.push(once(false));
    shipped.push(once(true));
  }
  return { validate_first_check_ms: median(shipped), validate_first_check_compiled_ms: median(compiled) };
}

/** `validate_200kb_ms`: median warm `validateServerJson` time on a ~200 KB server.json (goal ≤ 16 ms). */
export async function runServerJsonBenchmarks(): Promise<Record<string, number>> {
  const schemas = loadOfficialSchemas();
  const text = buildLargeServerJson();
  const first = firstCheck(buildLargeServerJson(4 * 1024));
  const options = { schemas, context: { publishedVersions: ['1.0.0', '1.1.0', '1.2.0'] } };
  const problems = validateServerJson(text, options);
  if (problems.some((problem) => problem.severity === 'error')) {
    throw new Error(`benchmark document should be valid: ${problems.map((problem) => problem.message).join('; ')}`);
  }
  return {
    validate_200kb_ms: timeMedian(() => validateServerJson(text, options), 5, 21),
    version_fields_200kb_ms: timeMedian(() => findServerJsonVersionFields(text), 3, 21),
    server_json_bytes: text.length,
    ...first,
  };
}

if (require.main === module) {
  runServerJsonBenchmarks().then((results) => console.log(JSON.stringify(results, null, 2)), (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
