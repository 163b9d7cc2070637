import type * as z from 'zod/mini';
import { closest } from './headers.js';
import { formatKeyPath } from './paths.js';
import { worded, type Worded } from '../text/problems.js';
import { RUBRIC_RULES, type RubricRule, type ValueShown } from '../text/problems/rubric.js';

/*
 * A rubric's schema issues as wording keys: the schemas name each rule by a key (rule()), and
 * zod's own issue codes (a wrong type, a missing key, an unknown key) get keys of their own, so
 * that every rubric problem is worded in the terminal's language.
 */

/** A rule's key, as a zod schema's message: zodProblem() turns it back into a wording key. */
export const rule = (key: RubricRule): string => key;

const RULES = new Set<string>(RUBRIC_RULES);

/** A key's path as the user finds it in the rubric; '' for the top level. */
export const keyPath = (path: readonly PropertyKey[]): string =>
  path.length === 0 ? '' : formatKeyPath(path);

/** What is wrong with a value, from a zod issue and the value as written. */
export function zodProblem(issue: z.core.$ZodIssue, value: unknown): Worded {
  if (issue.code === 'invalid_type') {
    if (value === undefined) return worded('value-required', {});
    return worded('value-type', { expected: issue.expected, got: shown(value) });
  }
  if (RULES.has(issue.message)) return worded(issue.message as RubricRule, {});
  // A bound the schema gives no rule for: zod's default message begins "Too small".
  if (issue.code === 'too_small' && issue.origin === 'number') {
    return worded('value-min', { min: String(issue.minimum) });
  }
  return worded('value-other', { message: issue.message });
}

function shown(value: unknown): ValueShown {
  if (value === null) return { kind: 'empty' };
  if (Array.isArray(value)) return { kind: 'list' };
  if (typeof value === 'object') return { kind: 'mapping' };
  if (typeof value === 'string') return { kind: 'text', text: value };
  return { kind: 'other', text: String(value) };
}

/** An unknown key, with the known key at the same place it is probably a typo of. */
export function unknownKey(path: readonly PropertyKey[], schema: z.ZodMiniType): Worded {
  const key = path[path.length - 1];
  const hint =
    typeof key === 'string'
      ? closest(key.toLowerCase(), keysAt(schema, path.slice(0, -1)))
      : undefined;
  return worded('rubric-unknown-key', {
    key: keyPath(path),
    ...(hint !== undefined ? { hint } : {}),
  });
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  element?: z.ZodMiniType;
  valueType?: z.ZodMiniType;
  innerType?: z.ZodMiniType;
}

const defOf = (schema: z.ZodMiniType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The keys a mapping at `path` may have, by walking the schema (optional and default unwrapped). */
function keysAt(schema: z.ZodMiniType, path: readonly PropertyKey[]): string[] {
  let def = defOf(schema);
  const unwrap = () => {
    while (def.innerType !== undefined) def = defOf(def.innerType);
  };
  for (const part of path) {
    unwrap();
    const next =
      def.type === 'object'
        ? def.shape?.[String(part)]
        : def.type === 'array'
          ? def.element
          : def.type === 'record'
            ? def.valueType
            : undefined;
    if (next === undefined) return [];
    def = defOf(next);
  }
  unwrap();
  return def.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}
