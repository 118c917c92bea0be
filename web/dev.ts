// `npm run dev:web`: the web client with live reload (Vite's dev server on
// port 5173, or WEB_PORT), talking to a Felt server started beside it with
// `npm start` (FELT_URL, default http://127.0.0.1:2567). HTTP paths go through
// the dev server's proxy, so cookies and the API stay on the page's origin;
// the SDK connects to Felt directly (its WebSocket paths start with a process
// id, which no fixed proxy rule can match; Colyseus answers CORS for it).
import { createServer } from 'vite';
import { feltViteConfig } from './vite-config.ts';

const felt = process.env.FELT_URL ?? 'http://127.0.0.1:2567';
const port = Number(process.env.WEB_PORT ?? 5173);
const proxied = ['/api', '/metrics', '/monitor', '/docs'];

const server = await createServer(feltViteConfig({
  logLevel: 'info',
  define: { 'import.meta.env.VITE_FELT_SDK_URL': JSON.stringify(felt) },
  server: {
    port,
    strictPort: true,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: felt, changeOrigin: true }])),
  },
  // `/admin` and its sub-paths are the dashboard's page; everything else is the play client's.
  appType: 'mpa',
  plugins: [{
    name: 'felt-spa-fallback',
    configureServer(dev) {
      dev.middlewares.use((req, _res, next) => {
        const path = (req.url ?? '/').split('?')[0];
        const isPage = req.method === 'GET' && !path.includes('.') && !path.startsWith('/@') && !proxied.some((p) => path.startsWith(p));
        if (isPage) req.url = path === '/admin' || path.startsWith('/admin/') ? '/admin/index.html' : '/index.html';
        next();
      });
    },
  }],
}));
await server.listen();
server.printUrls();
console.log(`web: proxying ${proxied.join(', ')} to ${felt}; start Felt there with \`npm start\``);
