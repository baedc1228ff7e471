// What a publish ended with, as the command, the success message and the tests read it. Pure: no `vscode`.
import type { ServerResponse } from '../../registry';
import type { OwnershipCheck } from '../ownership';
import type { Provenance } from './provenance';

export interface PublishOutcome {
  /** `published`: this run stored it; `already-published`: the registry already had this very document. */
  kind: 'published' | 'already-published';
  serverName: string;
  version: string;
  registry: { name: string; url: string };
  isLatest: boolean;
  response: ServerResponse;
  ownership: OwnershipCheck[];
  provenance?: Provenance;
  /** Set when the response was lost and the lookup found the version published. */
  recovered?: boolean;
  tag?: { name: string; error?: string };
}
