import * as assert from 'node:assert/strict';
import { validateServerJson, type Problem, type ValidationContext } from '../../../src/serverJson';
import { draftServerJson, type DraftInput, type DraftNote, type DraftResult, type MarkerEdit } from '../../../src/init';
import { officialSchemas } from '../serverJson/support';

/** Drafts, then checks the draft with the editor's own rules: no error may remain. */
export function draftValid(input: DraftInput, context: (result: DraftResult) => ValidationContext = () => ({})): DraftResult {
  const result = draftServerJson(input);
  assert.deepEqual(errorsOf(result, context(result)), [], JSON.stringify(result.serverJson, null, 2));
  return result;
}

export function errorsOf(result: DraftResult, context: ValidationContext = {}): Problem[] {
  const text = JSON.stringify(result.serverJson, null, 2);
  return validateServerJson(text, { schemas: officialSchemas(), context }).filter((problem) => problem.severity === 'error');
}

export function notesAbout(result: DraftResult, field: string, kind?: DraftNote['kind']): DraftNote[] {
  return result.notes.filter((note) => note.field === field && (kind === undefined || note.kind === kind));
}

export function editOf(result: DraftResult, file: string): MarkerEdit {
  const edits = result.markerEdits.filter((edit) => edit.file === file);
  assert.equal(edits.length, 1, `expected one marker edit of ${file}, got ${JSON.stringify(result.markerEdits, null, 2)}`);
  return edits[0];
}

/** What the package looks like after the marker edit, for the drift/mcpName checks of validateServerJson. */
export function packageJsonAfter(result: DraftResult, original: string): ValidationContext {
  const edit = result.markerEdits.find((candidate) => candidate.file === 'package.json');
  return { packageJson: { path: '/ws/package.json', text: edit ? edit.newText : original } };
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
