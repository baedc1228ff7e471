/** The one edit per file that adds (or corrects) the ownership marker the registry verifies at publish. */
import { applyEdits } from 'jsonc-parser';
import { editsToSet, parseJsonDocument, stringAt } from '../serverJson/jsonDocument';
import { SERVER_NAME_LABEL } from './docker';
import type { Project } from './project';
import { readmeMarker, type ProjectFiles } from './projectFiles';
import type { DraftNote, MarkerEdit } from './types';
import type { TextEdit } from '../serverJson/types';

export function markerEdit(project: Project, name: string, files: ProjectFiles, notes: DraftNote[]): MarkerEdit | undefined {
  if (project.markerName === name) return undefined;
  const marker = project.marker;
  if (marker.type === 'none') return undefined;
  const text = files.get(marker.file);
  if (marker.type === 'npm') return npmEdit(marker.file, text, name, notes);
  if (marker.type === 'dockerfile') {
    if (text === undefined) return undefined;
    return dockerEdit(marker.file, text, marker.afterOffset, name, project.markerName);
  }
  return readmeEdit(marker.file, text, marker.style, name, project.markerName);
}

function npmEdit(file: string, text: string | undefined, name: string, notes: DraftNote[]): MarkerEdit | undefined {
  if (text === undefined) return undefined;
  const doc = parseJsonDocument(text);
  if (doc.root?.type !== 'object' || !doc.parsed) {
    notes.push({ kind: 'todo', message: `Add "mcpName": "${name}" to ${file} by hand: it is not valid JSON, so the draft does not edit it`, source: file });
    return undefined;
  }
  const current = stringAt(doc, ['mcpName']);
  const edits = editsToSet(text, ['mcpName'], name, afterNameAndVersion);
  return build(file, text, false, 'npm-mcpName', current === undefined
    ? `Add "mcpName": "${name}" to ${file} (npm must show it for the registry to accept the package)`
    : `Change "mcpName" in ${file} from "${current}" to "${name}"`, edits);
}

function readmeEdit(file: string, text: string | undefined, style: 'html-comment' | 'rst-comment' | 'plain', name: string, current: string | undefined): MarkerEdit {
  const existing = readmeMarker(text);
  if (text !== undefined && existing && current !== undefined) {
    return build(file, text, false, 'readme-mcp-name', `Change the mcp-name line in ${file} from ${current} to ${name}`, [{ offset: existing.offset, length: current.length, content: name }]);
  }
  const line = style === 'html-comment' ? `<!-- mcp-name: ${name} -->` : style === 'rst-comment' ? `.. mcp-name: ${name}` : `mcp-name: ${name}`;
  if (text === undefined) {
    return build(file, '', true, 'readme-mcp-name', `Create ${file} with the line "${line}" (the registry looks for it in the package README)`, [{ offset: 0, length: 0, content: `${line}\n` }]);
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = text === '' ? '' : text.endsWith('\n') ? eol : `${eol}${eol}`;
  return build(file, text, false, 'readme-mcp-name', `Add "${line}" at the end of ${file} (the registry looks for it in the package README)`, [{ offset: text.length, length: 0, content: `${separator}${line}${eol}` }]);
}

function dockerEdit(file: string, text: string, afterOffset: number, name: string, current: string | undefined): MarkerEdit {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const line = `LABEL ${SERVER_NAME_LABEL}="${name}"`;
  const description = current === undefined
    ? `Add ${line} to the final stage of ${file} (the registry reads it from the published image)`
    : `Set ${SERVER_NAME_LABEL} to "${name}" at the end of ${file} (it says "${current}"; the last LABEL wins)`;
  const content = afterOffset < text.length ? `${eol}${line}` : `${text === '' || text.endsWith('\n') ? '' : eol}${line}${eol}`;
  return build(file, text, false, 'dockerfile-label', description, [{ offset: afterOffset, length: 0, content }]);
}

function build(file: string, text: string, createsFile: boolean, kind: MarkerEdit['kind'], description: string, edits: TextEdit[]): MarkerEdit {
  return { file, kind, description, createsFile, edits, newText: applyEdits(text, edits) };
}

function afterNameAndVersion(keys: string[]): number {
  return Math.max(keys.indexOf('name'), keys.indexOf('version')) + 1 || keys.length;
}
