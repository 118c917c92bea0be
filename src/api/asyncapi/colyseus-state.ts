export type JsonSchema = Record<string, unknown>;

/** The part of a field's Colyseus metadata read here (`MetadataField`, which the package does not export by name). */
type MetadataField = { type: unknown; name: string; index: number; tag?: number };

/** A Colyseus schema class (`schema({...}, 'Name')`): its fields are read from its metadata, so the summary cannot drift from the wire. */
export type SchemaClass = { name: string; [Symbol.metadata]?: unknown };

/** Per class name, then per field: a sentence for client authors. */
export type FieldNotes = Record<string, Record<string, string>>;

// Colyseus's default view tag (`.view()` with no tag): the field reaches only clients whose StateView holds it.
const DEFAULT_VIEW_TAG = -1;

const NUMBERS: Record<string, JsonSchema> = {
  number: { type: 'number' },
  float32: { type: 'number' },
  float64: { type: 'number' },
  int8: { type: 'integer' }, uint8: { type: 'integer' }, int16: { type: 'integer' }, uint16: { type: 'integer' },
  int32: { type: 'integer' }, uint32: { type: 'integer' }, int64: { type: 'integer' }, uint64: { type: 'integer' },
};

/**
 * JSON Schemas (draft-07, for AsyncAPI's `components.schemas`) of a Colyseus
 * state class and every schema class it holds, keyed by class name. Each
 * state arrives as binary delta patches that the SDK decodes into objects of
 * exactly this shape (`room.state`, or `toJSON()`): primitives, arrays, maps
 * (objects keyed by string) and nested classes (`$ref`). Fields in a view are
 * marked `x-felt-view` and say so.
 */
export function stateSchemas(root: SchemaClass, notes: FieldNotes = {}, into: Record<string, JsonSchema> = {}): Record<string, JsonSchema> {
  const name = root.name;
  if (into[name]) return into;
  const properties: Record<string, JsonSchema> = {};
  into[name] = { type: 'object', properties };
  for (const field of fieldsOf(root)) {
    let schema = typeSchema(field.type, notes, into);
    const note = notes[name]?.[field.name];
    const privateNote = field.tag === DEFAULT_VIEW_TAG ? 'Only in the views that hold it (StateView): the seat\'s owner.' : undefined;
    const description = [note, privateNote].filter(Boolean).join(' ');
    // Draft-07 ignores what stands beside a $ref, so a described reference goes through allOf.
    if (description) schema = schema.$ref ? { allOf: [schema], description } : { ...schema, description };
    else schema = { ...schema };
    if (field.tag !== undefined) schema['x-felt-view'] = true;
    properties[field.name] = schema;
  }
  return into;
}

function fieldsOf(klass: SchemaClass): MetadataField[] {
  const metadata = klass[Symbol.metadata] as Record<string, MetadataField> | undefined;
  if (!metadata) throw new Error(`${klass.name} is not a Colyseus schema class.`);
  // Its keys are field indexes (the fields) and field names (their indexes).
  return Object.keys(metadata).filter((key) => /^\d+$/.test(key)).map((key) => metadata[key]).sort((a, b) => a.index - b.index);
}

function typeSchema(type: unknown, notes: FieldNotes, into: Record<string, JsonSchema>): JsonSchema {
  if (typeof type === 'string') {
    if (type === 'string') return { type: 'string' };
    if (type === 'boolean') return { type: 'boolean' };
    if (NUMBERS[type]) return NUMBERS[type];
    return {};
  }
  if (typeof type === 'function') {
    const klass = type as unknown as SchemaClass;
    stateSchemas(klass, notes, into);
    return { $ref: `#/components/schemas/${klass.name}` };
  }
  if (type && typeof type === 'object') {
    const [kind, inner] = Object.entries(type)[0] ?? [];
    if (kind === 'map') return { type: 'object', additionalProperties: typeSchema(inner, notes, into) };
    if (kind === 'array' || kind === 'set' || kind === 'collection') return { type: 'array', items: typeSchema(inner, notes, into) };
  }
  return {};
}
