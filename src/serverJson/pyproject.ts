/** The static `name` and `version` of `[project]` in a pyproject.toml (basic strings only; enough for drift checks). */
export function readPyprojectProject(text: string): { name?: string; version?: string } {
  const result: { name?: string; version?: string } = {};
  let inProject = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line.startsWith('[')) {
      inProject = /^\[\s*project\s*\]\s*(#.*)?$/.test(line);
      continue;
    }
    if (!inProject) continue;
    const match = /^(name|version)\s*=\s*(?:"([^"\\]*)"|'([^']*)')\s*(#.*)?$/.exec(line);
    if (match) result[match[1] as 'name' | 'version'] = match[2] ?? match[3] ?? '';
  }
  return result;
}
