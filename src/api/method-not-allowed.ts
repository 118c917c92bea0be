import type { RequestHandler } from 'express';
import { ApiProblem } from './problem.ts';

/** For a known path asked with the wrong method: 405 with `Allow` (OPTIONS answers 204 with it). */
export function methodNotAllowed(...allowed: string[]): RequestHandler {
  const allow = [...allowed, 'OPTIONS'].join(', ');
  return (req, res, next) => {
    if (req.method === 'OPTIONS') {
      res.set('Allow', allow).status(204).end();
      return;
    }
    next(new ApiProblem(405, 'method_not_allowed', `${req.method} is not allowed on ${req.baseUrl}${req.path}; use ${allowed.join(' or ')}.`, { headers: { Allow: allow } }));
  };
}
