import type { Presence } from '@colyseus/core';

/**
 * Whether a Colyseus process is alive: it listens on its process channel
 * (`p:<processId>`) as long as it runs, and Redis drops the subscription the
 * moment its connection dies, so a killed process is seen at once.
 */
export async function isProcessAlive(presence: Presence, processId: string): Promise<boolean> {
  return (await presence.channels(`p:${processId}`)).length > 0;
}
