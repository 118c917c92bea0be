// The server entry point. The table rooms, lobby and API are not built yet
// (the engine is); until they are, say so plainly rather than pretend to serve.
console.log('Felt: the poker engine is built; the game server (rooms, lobby, API) is not yet. See README.md.');
console.log('Try: npm test, npm run bench, npm run phh -- verify ../shared/phh-sample');
