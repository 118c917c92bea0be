import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RequestHandler } from 'express';

/**
 * The monitor's page as its package ships it, less the stylesheet it links
 * from Google Fonts: Felt's pages load nothing from elsewhere, and the
 * monitor draws its icons as SVG, so the font is not missed.
 */
function monitorIndexHtml(): string {
  const file = join(dirname(fileURLToPath(import.meta.resolve('@colyseus/monitor'))), 'static', 'index.html');
  return readFileSync(file, 'utf8').replace(/\s*<link[^>]+href="https?:\/\/[^"]*"[^>]*>/g, '');
}

/** Answers the monitor's index (`/monitor/`) with that page; everything else goes on to the monitor. */
export function monitorIndex(): RequestHandler {
  let html: string | null = null;
  return (req, res, next) => {
    const path = req.originalUrl.split('?')[0];
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path !== '/' || !path.endsWith('/')) {
      next();
      return;
    }
    html ??= monitorIndexHtml();
    res.set('Cache-Control', 'no-cache').type('html').send(html);
  };
}
