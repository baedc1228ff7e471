/** Diff of inputs: environment variables, arguments, headers and URL/value variables. */
import { matchByKey, type Identity } from './identity';
import { asString, isObject, sameJson, setOwn, type JsonObject } from './json';
import type { ChangeItem } from './model';
import { joinPath, type ChangeSink, type Scope, type Verdict } from './sink';

export type InputKind = 'environmentVariable' | 'runtimeArgument' | 'packageArgument' | 'header' | 'variable';

const KIND_WORDS: Readonly<Record<InputKind, string>> = {
  environmentVariable: 'environment variable',
  runtimeArgument: 'runtime argument',
  packageArgument: 'package argument',
  header: 'header',
  variable: 'variable',
};

/** Where a list of inputs lives, e.g. `packages[npm x].environmentVariables`. */
export type ListScope = Omit<Scope, 'item' | 'phrase'>;

function isPositional(input: JsonObject): boolean {
  return input.type === 'positional' || (input.type !== 'named' && asString(input.name) === undefined);
}

/** Identities for one list: names for env vars/headers/named args; valueHint or position for positionals. */
function identities(kind: InputKind, inputs: JsonObject[]): Map<JsonObject, Identity> {
  const ids = new Map<JsonObject, Identity>();
  let positional = 0;
  for (const input of inputs) {
    const name = asString(input.name) ?? '';
    if (kind === 'runtimeArgument' || kind === 'packageArgument') {
      if (isPositional(input)) {
        positional += 1;
        const hint = asString(input.valueHint);
        ids.set(input, hint ? { key: `positional ${hint}`, label: hint } : { key: `positional #${positional}`, label: `#${positional}` });
      } else ids.set(input, { key: `named ${name}`, label: name });
    } else if (kind === 'header') ids.set(input, { key: name.toLowerCase(), label: name });
    else ids.set(input, { key: name, label: name });
  }
  return ids;
}

function needsUserValue(input: JsonObject): boolean {
  return input.isRequired === true && input.value === undefined && input.default === undefined;
}

function requiredWord(input: JsonObject): string {
  return input.isRequired === true ? 'required' : 'optional';
}

function itemScope(list: ListScope, kind: InputKind, label: string): Scope {
  const item: ChangeItem = { kind, name: label };
  const where = list.where ?? '';
  return { section: list.section, owner: list.owner, where, path: `${list.path}[${label}]`, item, phrase: `the ${KIND_WORDS[kind]} ${label}${where}` };
}

export function diffInputList(sink: ChangeSink, list: ListScope, kind: InputKind, before: JsonObject[], after: JsonObject[]): void {
  const beforeIds = identities(kind, before);
  const afterIds = identities(kind, after);
  const identify = (input: JsonObject): Identity => beforeIds.get(input) ?? afterIds.get(input) ?? { key: '', label: '' };
  const pairing = matchByKey(before, after, identify);
  const where = list.where ?? '';
  for (const { before: old, after: current } of pairing.matched) {
    diffInput(sink, itemScope(list, kind, current.label), old.item, current.item, false);
  }
  for (const { item, label } of pairing.removed) {
    const reason = `removes the ${requiredWord(item)} ${KIND_WORDS[kind]} ${label}${where}`;
    sink.entity(itemScope(list, kind, label), 'removed', item, { impact: 'breaking', reason });
  }
  for (const { item, label } of pairing.added) {
    const verdict: Verdict = needsUserValue(item)
      ? { impact: 'breaking', reason: `adds the required ${KIND_WORDS[kind]} ${label}${where} without a default` }
      : { impact: 'additive', reason: `adds the ${requiredWord(item)} ${KIND_WORDS[kind]} ${label}${where}` };
    sink.entity(itemScope(list, kind, label), 'added', item, verdict);
  }
  if (kind === 'runtimeArgument' || kind === 'packageArgument') checkPositionalOrder(sink, list, kind, pairing.matched);
}

/** Positional arguments are placed on the command line in order, so reordering them matters. */
function checkPositionalOrder(
  sink: ChangeSink,
  list: ListScope,
  kind: InputKind,
  matched: Array<{ before: { item: JsonObject; index: number; label: string }; after: { index: number; label: string } }>,
): void {
  const positional = matched.filter((pair) => isPositional(pair.before.item)).sort((a, b) => a.before.index - b.before.index);
  const beforeOrder = positional.map((pair) => pair.after.label);
  const afterOrder = [...positional].sort((a, b) => a.after.index - b.after.index).map((pair) => pair.after.label);
  const scope: Scope = { ...list, item: { kind, name: 'order' } };
  if (beforeOrder.length < 2) return;
  if (sameJson(beforeOrder, afterOrder)) sink.leaf(scope, 'positionalOrder', beforeOrder, afterOrder);
  else
    sink.leaf(scope, 'positionalOrder', beforeOrder, afterOrder, {
      impact: 'breaking',
      reason: `changes the order of the positional ${KIND_WORDS[kind]}s${list.where ?? ''}`,
    });
}

function choiceSet(input: JsonObject): Set<string> | undefined {
  return Array.isArray(input.choices) ? new Set(input.choices.map(String)) : undefined;
}

function sameSet(a: Set<string> | undefined, b: Set<string> | undefined): boolean {
  if (!a || !b) return a === b;
  return a.size === b.size && [...a].every((entry) => b.has(entry));
}

function choicesVerdict(before: JsonObject, after: JsonObject, about: string): Verdict {
  const old = choiceSet(before);
  const current = choiceSet(after);
  if (!old && current) return { impact: 'breaking', reason: `restricts ${about} to a list of choices` };
  if (old && !current) return { impact: 'additive', reason: `drops the choice list of ${about}, so any value is accepted` };
  const dropped = [...(old ?? [])].filter((choice) => !current?.has(choice));
  if (dropped.length > 0) return { impact: 'breaking', reason: `removes the choice${dropped.length > 1 ? 's' : ''} ${dropped.join(', ')} from ${about}` };
  const added = [...(current ?? [])].filter((choice) => !old?.has(choice));
  return { impact: 'additive', reason: `adds the choice${added.length > 1 ? 's' : ''} ${added.join(', ')} to ${about}` };
}

function fieldVerdict(field: string, before: JsonObject, after: JsonObject, about: string, secret: boolean): Verdict {
  const was = before[field];
  const now = after[field];
  switch (field) {
    case 'isRequired':
      if (now !== true) return { impact: 'additive', reason: `makes ${about} optional` };
      if (!needsUserValue(after)) return { impact: 'metadata', reason: `makes ${about} required, but it has a default, so nobody must add it` };
      return { impact: 'breaking', reason: `makes ${about} required` };
    case 'format': {
      const from = String(was ?? 'string');
      const to = String(now ?? 'string');
      if (to === 'string') return { impact: 'additive', reason: `widens the format of ${about} from ${from} to string` };
      return { impact: 'breaking', reason: `changes the format of ${about} from ${from} to ${to}` };
    }
    case 'choices':
      return choicesVerdict(before, after, about);
    case 'default':
      if (was !== undefined && now === undefined && needsUserValue(after))
        return { impact: 'breaking', reason: `removes the default of ${about}, which is required, so users must now provide it` };
      return { impact: 'metadata', reason: secret ? `default value changed (secret) for ${about}` : `changes the default of ${about}` };
    case 'value':
      if (was !== undefined && now === undefined && needsUserValue(after))
        return { impact: 'breaking', reason: `${about} no longer has a fixed value and is required, so users must now provide it` };
      return { impact: 'metadata', reason: secret ? `value changed (secret) for ${about}` : `changes the fixed value of ${about}` };
    case 'isSecret':
      return { impact: 'metadata', reason: now === true ? `marks ${about} as secret` : `no longer marks ${about} as secret` };
    case 'isRepeated':
      return now === true
        ? { impact: 'additive', reason: `allows ${about} to be repeated` }
        : { impact: 'breaking', reason: `no longer allows ${about} to be repeated` };
    case 'type':
      return { impact: 'breaking', reason: `changes ${about} from a ${String(was)} to a ${String(now)} argument` };
    case 'description':
    case 'placeholder':
    case 'valueHint':
      return { impact: 'metadata', reason: `changes the ${field === 'valueHint' ? 'value hint' : field} of ${about}` };
    default:
      return { impact: 'metadata', reason: `changes the field ${field} of ${about} (not a field the schema defines; treated as metadata)` };
  }
}

function sameField(field: string, before: JsonObject, after: JsonObject): boolean {
  if (field === 'choices') return sameSet(choiceSet(before), choiceSet(after));
  return sameJson(before[field], after[field]);
}

/** Schema defaults: an absent field and its default mean the same. */
const INPUT_DEFAULTS: Readonly<JsonObject> = { isRequired: false, isSecret: false, format: 'string', isRepeated: false };

const DEFAULT_KEYS = Object.keys(INPUT_DEFAULTS);

function withDefaults(input: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key in input) setOwn(out, key, input[key]);
  for (const key of DEFAULT_KEYS) if (out[key] === undefined) out[key] = INPUT_DEFAULTS[key];
  return out;
}

/** Field by field diff of one input present in both versions. */
export function diffInput(sink: ChangeSink, scope: Scope, written: JsonObject, writtenAfter: JsonObject, insideSecret: boolean): void {
  const before = withDefaults(written);
  const after = withDefaults(writtenAfter);
  const secret = insideSecret || before.isSecret === true || after.isSecret === true;
  const about = scope.phrase ?? 'the input';
  const fields = new Set([...Object.keys(written), ...Object.keys(writtenAfter)]);
  for (const field of fields) {
    if (field === 'name' || field === 'variables') continue;
    if (before[field] === undefined && after[field] === undefined) continue;
    const hidden = secret && (field === 'value' || field === 'default');
    if (sameField(field, before, after)) {
      sink.leaf(scope, field, before[field], after[field], undefined, hidden);
      continue;
    }
    const verdict = fieldVerdict(field, before, after, about, secret);
    sink.leaf(scope, field, before[field], after[field], verdict, hidden);
  }
  const { item: _item, phrase: _phrase, ...parent } = scope;
  diffVariables(sink, parent, before.variables, after.variables, secret, about);
}

/** `variables` maps (of an input, or of a remote's URL template): each entry is an input named by its key. */
export function diffVariables(sink: ChangeSink, parent: Omit<Scope, 'item'>, before: unknown, after: unknown, insideSecret: boolean, of?: string): void {
  const old = isObject(before) ? before : {};
  const current = isObject(after) ? after : {};
  const suffix = of ? ` of ${of}` : parent.where ?? '';
  const scopeFor = (name: string): Scope => ({
    ...parent,
    path: joinPath(parent.path, `variables[${name}]`),
    item: { kind: 'variable', name },
    phrase: `the variable ${name}${suffix}`,
  });
  for (const [name, value] of Object.entries(current)) {
    const input = isObject(value) ? value : {};
    const previous = old[name];
    if (previous !== undefined) {
      diffInput(sink, scopeFor(name), isObject(previous) ? previous : {}, input, insideSecret);
      continue;
    }
    const verdict: Verdict = needsUserValue(input)
      ? { impact: 'breaking', reason: `adds the required variable ${name}${suffix} without a default` }
      : { impact: 'additive', reason: `adds the ${requiredWord(input)} variable ${name}${suffix}` };
    sink.entity(scopeFor(name), 'added', input, verdict, insideSecret);
  }
  for (const [name, value] of Object.entries(old)) {
    if (current[name] !== undefined) continue;
    const input = isObject(value) ? value : {};
    const reason = `removes the ${requiredWord(input)} variable ${name}${suffix}`;
    sink.entity(scopeFor(name), 'removed', input, { impact: 'breaking', reason }, insideSecret);
  }
}
