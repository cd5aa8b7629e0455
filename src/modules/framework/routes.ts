import { z } from 'zod';
import type { RoutesPlugin } from '../../core/http.ts';
import { getFramework } from './service.ts';

export const frameworkRoutes: RoutesPlugin = (app, { database }) => {
  app.get('/framework', {
    schema: { tags: ['framework'], summary: 'Dimensions (pilar) and elements of a framework version', querystring: z.object({ version: z.string().max(40).optional() }) },
  }, (req) => getFramework(database.db, req.query.version));
};
