import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Router } from 'express';

/** Swagger UI's files, served from the installed package: no page of Felt loads anything from elsewhere. */
const SWAGGER_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
/** Only what the page uses: the package's own index would load a demo API from the internet. */
const SWAGGER_FILES = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']);

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Felt API reference</title>
<link rel="icon" href="/docs/assets/favicon-32x32.png">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/felt-docs.js"></script>
</body>
</html>`;

// validatorUrl: null, or Swagger UI would send the document to an online validator.
const INIT = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  docExpansion: 'list',
  persistAuthorization: false,
});`;

/** `/docs`: the API reference, rendered by Swagger UI from `GET /api/openapi.json`. */
export function apiDocsRoutes(): Router {
  const router = Router();
  router.get(['/docs', '/docs/'], (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('html').send(PAGE);
  });
  router.get('/docs/felt-docs.js', (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('application/javascript').send(INIT);
  });
  router.get('/docs/assets/:file', (req, res, next) => {
    const file = String(req.params.file);
    if (!SWAGGER_FILES.has(file)) {
      next();
      return;
    }
    res.sendFile(join(SWAGGER_DIR, file), { maxAge: '1d' });
  });
  return router;
}
