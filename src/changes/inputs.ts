/** Diff of inputs: environment variables, arguments, headers and URL/value variables. */
import { matchPositions, type Identities } from './identity';
import { asString, isObject, keysOfBoth, mapPacked, sameJson, setOwn, type JsonObject } from './json';
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

/** Identities for one list, by position: names for env vars/headers/named args; valueHint or position for positionals. */
export function identities(kind: InputKind, inputs: JsonObject[]): Identities {
  const labels = mapPacked(inputs, (input) => asString(input.name) ?? '');
  if (kind === 'header') return { keys: mapPacked(labels, (name) => name.toLowerCase()), labels };
  if (kind !== 'runtimeArgument' && kind !== 'packageArgument') return { keys: labels, labels };
  const keys: string[] = [];
  let positional = 0;
  inputs.forEach((input, index) => {
    if (!isPositional(input)) {
      keys.push(`named ${labels[index]}`);
      return;
    }
    positional += 1;
    const hint = asString(input.valueHint);
    keys.push(hint ? `positional ${hint}` : `positional #${positional}`);
    labels[index] = hint ? hint : `#${positional}`;
  });
  return { keys, labels };
}

function needsUserValue(input: JsonObject): boolean {
  return input.isRequired === true && input.value === undefined && input.default === undefined;
}

function requiredWord(input: JsonObject): string {
  return input.isRequired === true ? 'required' : 'optional';
}

/** An input of a list. Its phrase for reasons (`the environment variable API_KEY of package …`) is built by aboutOf when a reason needs it. */
interface ItemScope extends Scope {
  item: ChangeItem;
  where: string;
  kindWords?: string;
}

function itemScope(list: ListScope, open: string, kind: InputKind, label: string): ItemScope {
  const path = `${open}${label}]`;
  return { section: list.section, owner: list.owner, where: list.where ?? '', path, dot: `${path}.`, item: { kind, name: label }, kindWords: KIND_WORDS[kind] };
}

function aboutOf(scope: ItemScope): string {
  if (scope.phrase !== undefined) return scope.phrase;
  return scope.kindWords === undefined ? 'the input' : `the ${scope.kindWords} ${scope.item.name}${scope.where}`;
}

export function diffInputList(sink: ChangeSink, list: ListScope, kind: InputKind, before: JsonObject[], after: JsonObject[]): void {
  const { beforeAt, afterAt, removed, added, beforeLabels, afterLabels } = matchPositions(before, identities(kind, before), after, identities(kind, after));
  const where = list.where ?? '';
  const open = `${list.path}[`;
  for (let n = 0; n < afterAt.length; n++) {
    diffInput(sink, itemScope(list, open, kind, afterLabels[afterAt[n]]), before[beforeAt[n]], after[afterAt[n]], false);
  }
  for (const index of removed) {
    const item = before[index];
    const label = beforeLabels[index];
    const reason = `removes the ${requiredWord(item)} ${KIND_WORDS[kind]} ${label}${where}`;
    sink.entity(itemScope(list, open, kind, label), 'removed', item, { impact: 'breaking', reason });
  }
  for (const index of added) {
    const item = after[index];
    const label = afterLabels[index];
    const verdict: Verdict = needsUserValue(item)
      ? { impact: 'breaking', reason: `adds the required ${KIND_WORDS[kind]} ${label}${where} without a default` }
      : { impact: 'additive', reason: `adds the ${requiredWord(item)} ${KIND_WORDS[kind]} ${label}${where}` };
    sink.entity(itemScope(list, open, kind, label), 'added', item, verdict);
  }
  if (kind === 'runtimeArgument' || kind === 'packageArgument') checkPositionalOrder(sink, list, kind, before, beforeAt, afterAt, afterLabels);
}

/** Positional arguments are placed on the command line in order, so reordering them matters. */
function checkPositionalOrder(sink: ChangeSink, list: ListScope, kind: InputKind, before: JsonObject[], beforeAt: number[], afterAt: number[], afterLabels: string[]): void {
  // Matched positionals by their labels now: in their order now (afterAt ascends) and in their order before.
  const afterOrder: string[] = [];
  const nowAtBefore: number[] = [];
  for (let n = 0; n < afterAt.length; n++) {
    if (!isPositional(before[beforeAt[n]])) continue;
    afterOrder.push(afterLabels[afterAt[n]]);
    nowAtBefore[beforeAt[n]] = afterAt[n];
  }
  if (afterOrder.length < 2) return;
  const beforeOrder: string[] = [];
  for (const now of nowAtBefore) if (now !== undefined) beforeOrder.push(afterLabels[now]);
  const scope: Scope = { section: list.section, path: list.path, owner: list.owner, where: list.where, item: { kind, name: 'order' } };
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

/** `was`/`now`: the field's values with schema defaults filled in; `before`/`after`: the inputs as written. */
function fieldVerdict(field: string, was: unknown, now: unknown, before: JsonObject, after: JsonObject, about: string, secret: boolean): Verdict {
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

/** A field's value with the schema default for an absent one: an absent field and its default mean the same. */
function valueOf(input: JsonObject, field: string): unknown {
  const value = input[field];
  if (value !== undefined) return value;
  switch (field) {
    case 'isRequired':
    case 'isSecret':
    case 'isRepeated':
      return false;
    case 'format':
      return 'string';
    default:
      return undefined;
  }
}

/**
 * Normalised inputs are plain objects, read as they are; anything else (a value inherited from
 * Object.prototype, reached by a variable named `__proto__`) is read through a plain copy of its enumerable fields.
 */
function asPlain(input: JsonObject): JsonObject {
  if (Object.getPrototypeOf(input) === Object.prototype) return input;
  const copy: JsonObject = {};
  for (const key in input) setOwn(copy, key, input[key]);
  return copy;
}

function diffInputField(sink: ChangeSink, scope: ItemScope, field: string, before: JsonObject, after: JsonObject, secret: boolean): void {
  if (field === 'name' || field === 'variables') return;
  const was = valueOf(before, field);
  const now = valueOf(after, field);
  if (was === undefined && now === undefined) return;
  const hidden = secret && (field === 'value' || field === 'default');
  const same = field === 'choices' ? sameSet(choiceSet(before), choiceSet(after)) : sameJson(was, now);
  const verdict = same ? undefined : fieldVerdict(field, was, now, before, after, aboutOf(scope), secret);
  sink.leaf(scope, field, was, now, verdict, hidden);
}

/** Field by field diff of one input present in both versions. */
function diffInput(sink: ChangeSink, scope: ItemScope, written: JsonObject, writtenAfter: JsonObject, insideSecret: boolean): void {
  const before = asPlain(written);
  const after = asPlain(writtenAfter);
  const secret = insideSecret || before.isSecret === true || after.isSecret === true;
  for (const field of keysOfBoth(written, writtenAfter)) diffInputField(sink, scope, field, before, after, secret);
  if (!isObject(before.variables) && !isObject(after.variables)) return;
  const { section, path, owner, where } = scope;
  diffVariables(sink, { section, path, owner, where }, before.variables, after.variables, secret, aboutOf(scope));
}

/** `variables` maps (of an input, or of a remote's URL template): each entry is an input named by its key. */
export function diffVariables(sink: ChangeSink, parent: Omit<Scope, 'item'>, before: unknown, after: unknown, insideSecret: boolean, of?: string): void {
  const old = isObject(before) ? before : {};
  const current = isObject(after) ? after : {};
  const suffix = of ? ` of ${of}` : parent.where ?? '';
  const scopeFor = (name: string): ItemScope => ({
    ...parent,
    path: joinPath(parent.path, `variables[${name}]`),
    where: parent.where ?? '',
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
