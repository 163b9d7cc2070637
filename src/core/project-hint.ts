import type { Roster, RosterProject } from './roster.js';
import { worded, type Worded } from '../text/problems.js';

/**
 * A project id with the differences a person does not see, or Excel makes, taken out: letter
 * case and width (NFKC), spaces and separators (`P-03`), and leading zeros of each number (Excel
 * turns the id 01 into the number 1; a judge types P3 for P03).
 */
export function idKey(id: string): string {
  return (
    id
      .normalize('NFKC')
      .toLowerCase()
      .replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, ''))
      // A separator between two numbers keeps them apart (P1-2 is not P12); elsewhere it goes.
      .replace(/(?<=\d)[\s\-_.·]+(?=\d)/g, '-')
      .replace(/[\s_.·]+|-(?!\d)|(?<!\d)-/g, '')
  );
}

/** A project name compared loosely: width, case and spaces ignored. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

interface RosterKeys {
  byId: Map<string, RosterProject[]>;
  byName: Map<string, RosterProject[]>;
}

const keysOf = new WeakMap<Roster, RosterKeys>();

function rosterKeys(roster: Roster): RosterKeys {
  let keys = keysOf.get(roster);
  if (keys === undefined) {
    keys = { byId: new Map(), byName: new Map() };
    for (const project of roster.projects.values()) {
      push(keys.byId, idKey(project.id), project);
      if (project.name !== undefined) push(keys.byName, nameKey(project.name), project);
    }
    keysOf.set(roster, keys);
  }
  return keys;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * The roster projects a row's unknown id probably meant — by a near-miss id, or by the row's
 * name being exactly a roster project's — worded as "did you mean P03 (银龄助餐服务)?", or
 * undefined when nothing fits. Only a hint: the row is still an error, so nothing is guessed
 * silently.
 */
export function projectHint(id: string, name: string, roster: Roster): Worded | undefined {
  const keys = rosterKeys(roster);
  const byId = keys.byId.get(idKey(id)) ?? [];
  const byName = name === '' ? [] : (keys.byName.get(nameKey(name)) ?? []);
  const meant = [...new Set([...byId, ...byName])].slice(0, 3);
  if (meant.length === 0) return undefined;
  return worded('project-hint', {
    meant: meant.map((p) => (p.name !== undefined ? { id: p.id, name: p.name } : { id: p.id })),
    // Excel drops the leading zeros of an id it takes for a number.
    zeros: /^\d+$/.test(id) && byId.some((p) => /^0\d/.test(p.id)),
  });
}
