import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Reading docs/protocol.md the way its "How this document is kept true"
// section says it is written, and the checks of test/docs/protocol.test.ts.
// Pure functions over text and plain data, so the checks can be shown to fail.

type Json = any;

/** The words a row or a heading uses to say that a name is fixed by PROTOCOL.md but not served yet. */
export const NOT_BUILT = 'not built yet';

const HEADING = /^(#{1,6})\s+(.*)$/;

/** A heading's section: from the first heading whose text matches, to the next heading of the same level or above; '' when there is none. */
export function sectionOf(doc: string, heading: RegExp): string {
  const lines = doc.split('\n');
  const start = lines.findIndex((line) => {
    const match = HEADING.exec(line);
    return match !== null && heading.test(match[2]);
  });
  if (start < 0) return '';
  const level = (HEADING.exec(lines[start]) as RegExpExecArray)[1].length;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    const match = HEADING.exec(lines[i]);
    if (match && match[1].length <= level) {
      end = i;
      break;
    }
  }
  return lines.slice(start, end).join('\n');
}

/** The first line of a section: its heading. */
const headingOf = (section: string): string => section.split('\n', 1)[0] ?? '';

/** Every table row of a section that is not a header separator. */
function rows(section: string): string[] {
  return section.split('\n').filter((line) => line.startsWith('|') && !/^\|[\s:|-]+\|?$/.test(line));
}

/** The names in backticks in the first cell of each row, with whether the row (or the section's heading) says "not built yet". */
export function rowNames(section: string): Map<string, { notBuilt: boolean }> {
  const names = new Map<string, { notBuilt: boolean }>();
  const sectionNotBuilt = headingOf(section).includes(NOT_BUILT);
  for (const row of rows(section)) {
    const first = row.split('|')[1] ?? '';
    for (const [, name] of first.matchAll(/`([^`]+)`/g)) {
      names.set(name, { notBuilt: sectionNotBuilt || row.includes(NOT_BUILT) });
    }
  }
  return names;
}

/** Every name the text has in backticks. */
export function backticked(text: string): Set<string> {
  return new Set([...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]));
}

/** Every identifier inside backticks: `{seat?, buyIn}` names `seat` and `buyIn`. */
export function namedIdentifiers(text: string): Set<string> {
  const names = new Set<string>();
  for (const [, code] of text.matchAll(/`([^`]+)`/g)) for (const [name] of code.matchAll(/[A-Za-z_$][\w$]*/g)) names.add(name);
  return names;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ── routes ──────────────────────────────────────────────────────────────

export type Route = { method: string; path: string };

/**
 * Every route served and not in the document (as `METHOD /express/:path`),
 * and every `/api` route the document names that is not served.
 */
export function routeProblems(doc: string, served: Route[]): string[] {
  const named = new Set([...doc.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/[^`\s]*)`/g)].map((match) => `${match[1]} ${match[2]}`));
  const servedNames = new Set(served.map((route) => `${route.method.toUpperCase()} ${route.path}`));
  const problems: string[] = [];
  for (const name of [...servedNames].sort()) if (!named.has(name)) problems.push(`route \`${name}\` is served but not in the document`);
  for (const name of [...named].sort()) {
    if (name.split(' ')[1].startsWith('/api/') && !servedNames.has(name)) problems.push(`route \`${name}\` is in the document but not served`);
  }
  return problems;
}

// ── rooms, messages and state (from the AsyncAPI document) ──────────────

/** The section of a room: `## The \`name\` room`. */
export const roomSection = (doc: string, room: string): string => sectionOf(doc, new RegExp(`The \`${escape(room)}\` room`));

/** Every property name a JSON Schema describes, at any depth (not the keys of a record). */
export function propertyNames(schema: Json, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) {
    for (const item of schema) propertyNames(item, into);
  } else if (schema && typeof schema === 'object') {
    for (const [name, inner] of Object.entries<Json>(schema.properties ?? {})) {
      into.add(name);
      propertyNames(inner, into);
    }
    for (const key of ['items', 'prefixItems', 'anyOf', 'oneOf', 'allOf']) if (schema[key]) propertyNames(schema[key], into);
  }
  return into;
}

function resolveRef(doc: Json, ref: string): Json {
  return ref.replace(/^#\//, '').split('/').reduce((node: Json, part) => node?.[part], doc);
}

/** A room's messages in the AsyncAPI document, by direction as a client sees it: what it sends (the server receives) and what it gets. */
export function roomMessages(asyncapi: Json, room: string): { toServer: Map<string, Json>; toClient: Map<string, Json> } {
  const toServer = new Map<string, Json>();
  const toClient = new Map<string, Json>();
  for (const operation of Object.values<Json>(asyncapi.operations)) {
    if (operation.channel.$ref !== `#/channels/${room}`) continue;
    const message = resolveRef(asyncapi, resolveRef(asyncapi, operation.messages[0].$ref).$ref);
    (operation.action === 'receive' ? toServer : toClient).set(message.name, message);
  }
  return { toServer, toClient };
}

/** The state classes a room's state reaches (`x-felt-state` and every `$ref` below it), by name. */
export function stateClasses(asyncapi: Json, room: string): Map<string, Json> {
  const classes = new Map<string, Json>();
  const visit = (ref: string): void => {
    const name = ref.split('/').pop() as string;
    if (classes.has(name)) return;
    const schema = resolveRef(asyncapi, ref);
    classes.set(name, schema);
    const walk = (node: Json): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, inner] of Object.entries(node)) {
          if (key === '$ref' && typeof inner === 'string') visit(inner);
          else walk(inner);
        }
      }
    };
    walk(schema.properties);
  };
  const state = asyncapi.channels[room]?.['x-felt-state']?.$ref;
  if (typeof state === 'string') visit(state);
  return classes;
}

/**
 * For every room of the AsyncAPI document: its section, each message in the
 * right direction's table, the names of every payload's fields and of the
 * join options, each state class's section with a row per field (a private
 * field saying `StateView`); and, the other way, no message row the room
 * does not have unless marked, and no "not built yet" on what is built.
 */
export function roomProblems(doc: string, asyncapi: Json): string[] {
  const problems: string[] = [];
  const rooms = Object.keys(asyncapi.channels);
  for (const room of rooms) {
    const section = roomSection(doc, room);
    if (!section) {
      problems.push(`room \`${room}\` has no section "## The \`${room}\` room"`);
      continue;
    }
    if (headingOf(section).includes(NOT_BUILT)) problems.push(`room \`${room}\` is built: its heading still says "${NOT_BUILT}"`);
    const named = namedIdentifiers(section);
    const { toServer, toClient } = roomMessages(asyncapi, room);
    for (const [direction, heading, messages] of [['client → server', /Client → server/, toServer], ['server → client', /Server → client/, toClient]] as const) {
      const listed = rowNames(sectionOf(section, heading));
      for (const [type, message] of messages) {
        const row = listed.get(type);
        if (!row) problems.push(`room \`${room}\`: ${direction} message \`${type}\` has no row`);
        else if (row.notBuilt) problems.push(`room \`${room}\`: ${direction} message \`${type}\` is built: its row still says "${NOT_BUILT}"`);
        for (const field of propertyNames(message.payload)) {
          if (!named.has(field)) problems.push(`room \`${room}\`: field \`${field}\` of \`${type}\` is not named in the room's section`);
        }
      }
      for (const [type, { notBuilt }] of listed) {
        if (!messages.has(type) && !notBuilt && !rowSays(sectionOf(section, heading), type, 'not in the AsyncAPI document')) {
          problems.push(`room \`${room}\`: ${direction} message \`${type}\` is in the document but not in the room (mark it "${NOT_BUILT}" or "not in the AsyncAPI document")`);
        }
      }
    }
    for (const field of propertyNames(asyncapi.channels[room]['x-felt-join']?.options ?? {})) {
      if (!named.has(field)) problems.push(`room \`${room}\`: join option \`${field}\` is not named in the room's section`);
    }
    for (const [name, schema] of stateClasses(asyncapi, room)) {
      const classSection = sectionOf(section, new RegExp(`^\`${escape(name)}\``));
      if (!classSection) {
        problems.push(`room \`${room}\`: state class \`${name}\` has no section "### \`${name}\`"`);
        continue;
      }
      const fields = rowNames(classSection);
      for (const [field, property] of Object.entries<Json>(schema.properties ?? {})) {
        const row = fields.get(field);
        if (!row) problems.push(`\`${name}.${field}\` has no row`);
        else if (row.notBuilt) problems.push(`\`${name}.${field}\` is built: its row still says "${NOT_BUILT}"`);
        else if (property['x-felt-view'] && !rowSays(classSection, field, 'StateView')) problems.push(`\`${name}.${field}\` is private: its row must say StateView`);
      }
      for (const [field, { notBuilt }] of fields) {
        if (!(field in (schema.properties ?? {})) && !notBuilt) problems.push(`\`${name}.${field}\` is in the document but not in the state (mark it "${NOT_BUILT}")`);
      }
    }
  }
  // A room fixed by PROTOCOL.md but not served yet has a section that says so, and no more.
  for (const [, room] of doc.matchAll(/^## The `([^`]+)` room(.*)$/gm)) {
    if (!rooms.includes(room) && !headingLine(doc, room).includes(NOT_BUILT)) problems.push(`room \`${room}\` is in the document but not served (say "${NOT_BUILT}" in its heading)`);
  }
  return problems;
}

const headingLine = (doc: string, room: string): string => headingOf(roomSection(doc, room));

/** Whether the row whose first cell names `name` says `words`. */
function rowSays(section: string, name: string, words: string): boolean {
  return rows(section).some((row) => (row.split('|')[1] ?? '').includes(`\`${name}\``) && row.includes(words));
}

// ── settings ────────────────────────────────────────────────────────────

/** Every setting read and without a row in "## Settings". */
export function settingProblems(doc: string, settings: string[]): string[] {
  const listed = rowNames(sectionOf(doc, /^Settings\b/));
  return settings.filter((name) => !listed.has(name)).map((name) => `setting \`${name}\` has no row in "## Settings"`);
}

// ── error codes ─────────────────────────────────────────────────────────

/** The error code sections: each group of codes the code can send and the subsection whose rows must list them (null: anywhere under "## Error codes"). */
export type CodeGroup = { name: string; codes: Set<string>; subsection: RegExp | null };

/**
 * Every code of a group that "## Error codes" (or its subsection) does not
 * list, and every code a row lists that no group knows unless marked "not built yet".
 */
export function codeProblems(doc: string, groups: CodeGroup[]): string[] {
  const problems: string[] = [];
  const section = sectionOf(doc, /^Error codes\b/);
  if (!section) return ['the document has no section "## Error codes"'];
  const anywhere = backticked(section);
  for (const group of groups) {
    const listed = group.subsection ? rowNames(sectionOf(section, group.subsection)) : null;
    for (const code of [...group.codes].sort()) {
      if (listed ? !listed.has(code) : !anywhere.has(code)) {
        problems.push(`${group.name} code \`${code}\` is not listed${group.subsection ? ` in "${group.subsection.source}"` : ' under "## Error codes"'}`);
      }
    }
  }
  const known = new Set(groups.flatMap((group) => [...group.codes]));
  for (const [code, { notBuilt }] of rowNames(section)) {
    if (/^[a-z][a-z0-9_]*$/.test(code) && !known.has(code) && !notBuilt) problems.push(`code \`${code}\` is listed but no code sends it (mark it "${NOT_BUILT}")`);
  }
  return problems;
}

// ── reading the source ──────────────────────────────────────────────────

/** Every `.ts` file under the paths (files or folders). */
export function sourceFiles(...paths: string[]): string[] {
  return paths.flatMap((path) => {
    if (!statSync(path).isDirectory()) return [path];
    return readdirSync(path).flatMap((entry) => sourceFiles(join(path, entry))).filter((file) => file.endsWith('.ts'));
  });
}

const SNAKE_LITERAL = /'([a-z][a-z0-9]*(?:_[a-z0-9]+)*)'/g;

/**
 * The codes the files throw: the quoted snake_case words in the first
 * argument of each call of `calls` (`illegal(`, `refuse(` …), which also
 * catches a code chosen by a condition (`cond ? 'cannot_raise' : refusal`).
 */
export function thrownCodes(files: string[], calls: string[]): Set<string> {
  const codes = new Set<string>();
  const call = new RegExp(`\\b(?:${calls.map(escape).join('|')})\\(`, 'g');
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(call)) {
      const rest = text.slice((match.index as number) + match[0].length);
      const first = rest.slice(0, rest.search(/,|\)/));
      for (const [, code] of first.matchAll(SNAKE_LITERAL)) codes.add(code);
    }
  }
  return codes;
}

/** The codes of `pattern`'s first group, in every file. */
export function matchedCodes(files: string[], pattern: RegExp): Set<string> {
  const codes = new Set<string>();
  for (const file of files) for (const match of readFileSync(file, 'utf8').matchAll(pattern)) codes.add(match[1]);
  return codes;
}
