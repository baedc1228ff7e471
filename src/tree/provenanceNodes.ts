// What the Registry tree shows under a version published with provenance: release notes, commit, tag
// and whether the document the registry returns still matches the checksum recorded at publish.
import type { DetailNode } from './nodes';
import { readProvenance } from '../publish/model/provenance';

export function provenanceDetails(server: unknown, idPrefix: string): DetailNode[] {
  const check = readProvenance(server);
  if (!check) return [];
  const { provenance, matches, actual } = check;
  const children: DetailNode[] = [];
  const id = `${idPrefix}|prov`;
  if (provenance.notes) {
    children.push({
      kind: 'detail',
      id: `${id}|notes`,
      label: 'Release notes',
      description: firstLine(provenance.notes),
      icon: 'note',
      tooltip: provenance.notesUrl ? `${provenance.notes}\n\nFull notes: ${provenance.notesUrl}` : provenance.notes,
    });
  }
  if (provenance.commit) children.push({ kind: 'detail', id: `${id}|commit`, label: 'Commit', description: provenance.commit.slice(0, 12), icon: 'git-commit', tooltip: provenance.commit });
  if (provenance.tag) children.push({ kind: 'detail', id: `${id}|tag`, label: 'Tag', description: provenance.tag, icon: 'tag' });
  children.push(
    matches
      ? { kind: 'detail', id: `${id}|sha`, label: 'Checksum', description: 'matches the published document', icon: 'verified', tooltip: `SHA-256 ${actual}` }
      : {
          kind: 'detail',
          id: `${id}|sha`,
          label: 'Checksum mismatch',
          description: 'the registry returns a different document',
          icon: 'warning',
          tooltip: `Recorded at publish: ${provenance.sha256}\nComputed from the registry's answer: ${actual}\nThe registry (or a proxy) changed the document after it was published.`,
        },
  );
  if (provenance.tool) children.push({ kind: 'detail', id: `${id}|tool`, label: 'Published with', description: provenance.tool, icon: 'tools' });
  return [
    {
      kind: 'detail',
      id,
      label: 'Provenance',
      description: [matches ? 'verified' : 'checksum mismatch', provenance.tag, provenance.commit?.slice(0, 7)].filter(Boolean).join(' · '),
      icon: matches ? 'shield' : 'warning',
      tooltip: matches ? 'Recorded by MCP Versions at publish; the checksum matches what the registry returns.' : 'The checksum recorded at publish does not match the document the registry returns.',
      children,
    },
  ];
}

function firstLine(text: string): string {
  const line = text.split('\n').map((l) => l.replace(/^[-*#\s]+/, '').trim()).find(Boolean) ?? '';
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
