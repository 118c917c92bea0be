import { asyncApiDocument, type RoomDoc } from './document.ts';
import { lobbyRoomDoc } from './lobby-room.ts';
import { tableRoomDoc } from './table-room.ts';
import { tournamentRoomDoc } from './tournament-room.ts';

/** Every room a client can join. */
export const FELT_ROOMS: RoomDoc[] = [tableRoomDoc, lobbyRoomDoc, tournamentRoomDoc];

const DESCRIPTION = `The messages of Felt's Colyseus rooms, the half of the client contract that GET /api/openapi.json does not hold.

Described from the server's side: a client → server message is an operation the server receives, a server → client one an operation it sends. Connect with @colyseus/sdk (\`x-felt-join\` on each channel gives the call and its options); the SDK frames and encodes every message (msgpack), so the payloads here are the objects you pass to \`room.send(type, payload)\` and get in \`room.onMessage(type, …)\`. A room's state (\`x-felt-state\`) arrives as binary patches the SDK decodes into \`room.state\`, shaped as its schema in components.schemas says. Payload schemas come from the zod schemas the rooms validate with, so this document and the server cannot disagree.`;

/** The AsyncAPI 3.0 document served at `GET /api/asyncapi.json`. */
export function feltAsyncApi(): Record<string, unknown> {
  return asyncApiDocument({ version: '1', description: DESCRIPTION }, FELT_ROOMS);
}
