// The demo workspace's settings: the registry, the upstream schemas, staging and production with the demo
// deploy script (shared by `npm run demo` and the UI walk in test/ui/walk.test.ts).
import { join } from 'node:path';

/**
 * `.vscode/settings.json` of a sample workspace: `registry` as the only registry, and the environments
 * `endpoints` (staging, production) deployed by `deployScript` with its state in `envDir`.
 */
export function demoSettings({ registry, sharedDir, serverName, endpoints, deployScript, envDir }) {
  // The environment and version reach the script as MCP_ENVIRONMENT / MCP_VERSION, never inline on the command line.
  const deploy = `node ${JSON.stringify(deployScript)} --dir ${JSON.stringify(envDir)}`;
  return {
    'mcpVersions.registries': [{ name: registry.name, url: registry.url, auth: 'none' }],
    'mcpVersions.schemaDirectory': join(sharedDir, 'mcp-registry/server-json'),
    'mcpVersions.environments': [
      { name: 'staging', server: serverName, endpoint: endpoints.staging, deploy },
      { name: 'production', server: serverName, endpoint: endpoints.production, requires: 'staging', deploy },
    ],
    'mcpVersions.deployments.historyFile': '.mcp/deployments.jsonl',
  };
}

/** What runs in staging and production when the demo starts: staging on the latest release, production behind. */
export const DEMO_ENVIRONMENTS = [{ name: 'staging', initialVersion: '1.3.2' }, { name: 'production', initialVersion: '1.3.0' }];
