/** judgeBump: does the version bump promise as much as the changes need? */
import { bumpKind, parseRegistrySemver } from '../versioning';
import { VERSION_PATH } from './diff';
import type { ActualBump, Bump, BumpJudgement, Impact, ServerDiff } from './model';

/** What kind of step the version number takes, by the registry's own semver rules. */
export function actualBump(fromVersion: string, toVersion: string): ActualBump {
  return bumpKind(fromVersion, toVersion);
}

const RANK: Readonly<Record<Bump, number>> = { none: 0, patch: 1, minor: 2, major: 3 };
const BUMP_WORDS: Readonly<Record<Bump, string>> = { major: 'a major bump', minor: 'a minor bump', patch: 'a patch', none: 'no bump' };
const IMPACT_OF: Readonly<Record<Bump, Impact | undefined>> = { major: 'breaking', minor: 'additive', patch: 'metadata', none: undefined };

function leadingReason(diff: ServerDiff, impact: Impact): string {
  const reasons = diff.changes.filter((change) => change.impact === impact && change.path !== VERSION_PATH).map((change) => change.reason ?? '');
  const more = reasons.length - 1;
  const word = impact === 'metadata' ? 'metadata' : impact;
  return more > 0 ? `${reasons[0]} (and ${more} more ${word} change${more > 1 ? 's' : ''})` : reasons[0] ?? '';
}

function needs(implied: Bump, diff: ServerDiff): string {
  const impact = IMPACT_OF[implied];
  if (!impact) return 'nothing changed besides the version';
  return `the changes need ${BUMP_WORDS[implied]} (${impact}: ${leadingReason(diff, impact)})`;
}

export function judgeBump(fromVersion: string, toVersion: string, diff: ServerDiff): BumpJudgement {
  const implied = diff.impliedBump;
  const actual = actualBump(fromVersion, toVersion);
  const step = `${fromVersion} → ${toVersion}`;
  const judgement = (understated: boolean, message: string): BumpJudgement => ({ actual, implied, understated, message });
  switch (actual) {
    case 'not-semver':
      return judgement(false, `${step} cannot be judged: not both semantic versions; ${needs(implied, diff)}`);
    case 'downgrade':
      return judgement(false, `${step} goes backwards: ${toVersion} sorts below ${fromVersion}, so the registry will not mark it latest; ${needs(implied, diff)}`);
    case 'prerelease':
      return judgement(false, `${step} is a pre-release step, which promises no compatibility; ${needs(implied, diff)}`);
    case 'none':
      if (implied === 'none') return judgement(false, `${step} keeps the version and nothing changed`);
      return judgement(true, `${step} keeps the same version, but ${leadingReason(diff, IMPACT_OF[implied] as Impact)}: ${IMPACT_OF[implied]}`);
    default:
      return judgeRelease(step, actual, implied, diff, parseRegistrySemver(fromVersion)?.major === '0', (parseRegistrySemver(toVersion)?.prerelease.length ?? 0) > 0);
  }
}

function judgeRelease(step: string, actual: Bump, implied: Bump, diff: ServerDiff, zeroMajor: boolean, preview: boolean): BumpJudgement {
  const is = `${step} is ${BUMP_WORDS[actual]}${preview ? ' (as a pre-release)' : ''}`;
  const result = (understated: boolean, message: string): BumpJudgement => ({ actual, implied, understated, message });
  if (zeroMajor && implied === 'major' && actual === 'minor')
    return result(false, `${is} with a breaking change (${leadingReason(diff, 'breaking')}); allowed for 0.y.z versions, where a minor bump may break`);
  if (RANK[actual] < RANK[implied]) {
    const impact = IMPACT_OF[implied] as Impact;
    const zeroNote = zeroMajor && implied === 'major' ? ' (in 0.y.z a minor bump would be enough)' : '';
    return result(true, `${is}, but ${leadingReason(diff, impact)}: ${impact}${zeroNote}`);
  }
  if (RANK[actual] === RANK[implied]) return result(false, `${is}, matching the ${IMPACT_OF[implied]} changes`);
  if (implied === 'none') return result(false, `${is}; nothing changed besides the version`);
  return result(false, `${is}; ${needs(implied, diff).replace('the changes need', 'the changes only need')}`);
}
