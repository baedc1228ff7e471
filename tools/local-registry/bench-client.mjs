// Child process of bench.ts: measures the registry over real HTTP from outside the registry's process.
// usage: node bench-client.mjs <registry url>  → prints one JSON object of measurements on stdout.
const base = process.argv[2];
const SCHEMA = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';

async function timed(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
async function getJson(path) {
  const res = await fetch(base + path);
  if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}`);
  return res.json();
}
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const round = (n) => Math.round(n * 100) / 100;

const out = {};
await getJson('/v0.1/ping');
const listTimes = [];
for (let i = 0; i < 60; i++) listTimes.push(await timed(() => getJson('/v0.1/servers?version=latest&limit=100')));
out.registry_list_p50_ms = round(percentile(listTimes, 50));
out.registry_list_p95_ms = round(percentile(listTimes, 95));

const versionTimes = [];
for (let i = 0; i < 60; i++) {
  const name = encodeURIComponent(`com.example.scale/server-${String((i * 7919) % 10000).padStart(5, '0')}`);
  versionTimes.push(await timed(() => getJson(`/v0.1/servers/${name}/versions`)));
}
out.registry_versions_p50_ms = round(percentile(versionTimes, 50));
out.registry_versions_p95_ms = round(percentile(versionTimes, 95));

let rows = 0;
out.registry_cursor_walk_ms = round(await timed(async () => {
  let cursor;
  for (let page = 0; page < 1000; page++) {
    const body = await getJson(`/v0.1/servers?version=latest&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    rows += body.servers.length;
    cursor = body.metadata.nextCursor;
    if (!cursor) break;
  }
}));
out.registry_cursor_walk_rows = rows;

const token = (await (await fetch(`${base}/v0.1/auth/none`, { method: 'POST' })).json()).registry_token;
const run = Date.now().toString(36);
const PUBLISHES = 200;
let next = 0;
const worker = async () => {
  while (next < PUBLISHES) {
    const i = next++;
    const body = { $schema: SCHEMA, name: `io.modelcontextprotocol.anonymous/bench-${run}-${i % 20}`, description: 'bench', version: `1.0.${i}` };
    const res = await fetch(`${base}/v0.1/publish`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 200) throw new Error(`publish → ${res.status} ${await res.text()}`);
  }
};
const publishMs = await timed(() => Promise.all([worker(), worker(), worker(), worker()]));
out.registry_publish_per_s = round(PUBLISHES / (publishMs / 1000));
process.stdout.write(JSON.stringify(out));
