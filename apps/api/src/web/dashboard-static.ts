import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** The repository (or image) root: the nearest folder up from here that holds package.json. */
function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
  return dir;
}

/** Where `npm run build` (Vite) puts the dashboard. */
export const DASHBOARD_DIR = join(projectRoot(), 'dist', 'dashboard');

/**
 * Serves the built dashboard at /dashboard from the api itself (no second server). Without a
 * build, /dashboard answers 404 saying how to make one.
 */
export function serveDashboard(app: NestExpressApplication, dir = DASHBOARD_DIR): void {
  if (existsSync(join(dir, 'index.html'))) {
    app.useStaticAssets(dir, { prefix: '/dashboard', index: 'index.html', fallthrough: false });
    return;
  }
  app.use('/dashboard', (_req: Request, res: Response, _next: NextFunction) => {
    res.status(404).type('text/plain').send('The dashboard is not built: run `npm run build`.\n');
  });
}
