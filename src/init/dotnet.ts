import type { Project } from './project';
import { dirOf, joinPath, readmeMarker, type ProjectFiles } from './projectFiles';
import type { DraftNote } from './types';

/** Project files are small; a longer one is read only this far (hostile input stays fast). */
const MAX_PROJECT_CHARS = 262_144;

/** A *.csproj here, under src/, or under src/<Project>/: PackageId (or AssemblyName), Version, Description. */
export function nugetProject(files: ProjectFiles, notes: DraftNote[]): Project | undefined {
  const unique = files.paths().filter((path) => /^(?:src\/(?:[^/]+\/)?)?[^/]+\.csproj$/i.test(path));
  if (unique.length === 0) return undefined;
  const file = unique.find((path) => /<PackageType>\s*McpServer\s*<\/PackageType>/i.test(files.get(path) ?? ''))
    ?? unique.find((path) => /<PackAsTool>\s*true\s*<\/PackAsTool>/i.test(files.get(path) ?? ''))
    ?? unique.find((path) => !/tests?\.csproj$/i.test(path))
    ?? unique[0];
  if (unique.length > 1) notes.push({ kind: 'info', message: `Several .csproj files were found; ${file} is the server's (${unique.filter((p) => p !== file).join(', ')} left out)`, source: file });
  const xml = files.get(file)!.slice(0, MAX_PROJECT_CHARS);
  const fileName = file.slice(file.lastIndexOf('/') + 1).replace(/\.csproj$/i, '');
  const identifier = property(xml, 'PackageId') ?? property(xml, 'AssemblyName') ?? fileName;
  const readmeFile = packedReadme(files, file, xml);
  const project: Project = {
    kind: 'nuget',
    file,
    identifier,
    version: version(xml),
    description: property(xml, 'Description'),
    title: property(xml, 'Title'),
    markerName: readmeMarker(files.get(readmeFile))?.name,
    marker: { type: 'readme', file: readmeFile, style: 'html-comment' },
    repositoryUrl: property(xml, 'RepositoryUrl') ?? property(xml, 'PackageProjectUrl'),
    publishable: !/<IsPackable>\s*false\s*<\/IsPackable>/i.test(xml),
    fields: { runtimeHint: 'dnx' },
    environment: [],
    notes: [],
  };
  if (!project.version) {
    project.notes.push({ kind: 'todo', message: `${file} sets no <Version>; the .NET SDK then packs 1.0.0. Confirm the version published to NuGet`, field: 'version', source: file });
  }
  if (!property(xml, 'PackageReadmeFile')) {
    project.notes.push({ kind: 'todo', message: `${file} has no <PackageReadmeFile>: NuGet then has no README, and the registry looks for the mcp-name marker there; pack ${readmeFile} as the package README`, source: file });
  }
  return project;
}

/** The first unconditional value of an MSBuild property. */
function property(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([^<]*)</${name}>`, 'i').exec(xml);
  const value = match ? decodeXml(match[1]).trim() : '';
  return value === '' || value.includes('$(') ? undefined : value;
}

function version(xml: string): string | undefined {
  const explicit = property(xml, 'Version') ?? property(xml, 'PackageVersion');
  if (explicit) return explicit;
  const prefix = property(xml, 'VersionPrefix');
  if (!prefix) return undefined;
  const suffix = property(xml, 'VersionSuffix');
  return suffix ? `${prefix}-${suffix}` : prefix;
}

/** The README packed into the package: an item `Include`d with Pack="true", else a README beside the project, else the folder's. */
function packedReadme(files: ProjectFiles, csproj: string, xml: string): string {
  const dir = dirOf(csproj);
  const readmeName = property(xml, 'PackageReadmeFile');
  for (const tag of xml.matchAll(/<(?:None|Content)\s[^>]{0,2000}>/gi)) {
    const match = /\sInclude="([^"]+)"/i.exec(tag[0]);
    if (!match) continue;
    const include = decodeXml(match[1]);
    const name = include.replace(/\\/g, '/').split('/').pop() ?? '';
    if (/readme/i.test(name) && (!readmeName || name.toLowerCase() === readmeName.toLowerCase().split(/[\\/]/).pop())) return joinPath(dir, include);
  }
  return files.readmeIn(dir) ?? files.readmeIn('') ?? joinPath(dir, readmeName ?? 'README.md');
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, entity: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[entity] ?? '');
}
