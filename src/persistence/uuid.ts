const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `id` can be a uuid. Ids arrive from tokens and URLs; one that cannot
 * be a uuid names nothing, and PostgreSQL would refuse the query outright.
 */
export function isUuid(id: string): boolean {
  return typeof id === 'string' && UUID.test(id);
}
