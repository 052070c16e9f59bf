import Fastify from 'fastify';
import { jwtVerify } from 'jose';
import { Pool } from 'pg';

/**
 * The physical baselines for the GraphQL reads, each the same JSON as the API's answer built by
 * PostgreSQL in one statement and served by Fastify with no GraphQL, validation or guards:
 * - `projects(first: 20)` with owner, cultural resources, bid count and totalCount (graphql-read);
 * - with `variables.organizationId`, that organization's `placements(first: 100)` with product,
 *   outlet and the bearer's `viewerActions` (graphql-nested): the token is verified (HS256, as
 *   the API does) and the viewer's sides come from the same statement.
 */
const PAGE_SQL = `
  WITH page AS (
    SELECT p.id, p.title, p.state, p.created_at, p.owner_user_id
      FROM project p
     WHERE p.state <> 'DRAFT'
     ORDER BY p.created_at DESC, p.id DESC
     LIMIT 20
  )
  SELECT json_build_object('data', json_build_object('projects', json_build_object(
    'totalCount', (SELECT count(*) FROM project WHERE state <> 'DRAFT'),
    'edges', coalesce((
      SELECT json_agg(json_build_object('node', json_build_object(
        'id', page.id, 'title', page.title, 'state', page.state,
        'createdAt', to_char(page.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'owner', json_build_object('id', owner.id, 'displayName', owner.display_name),
        'culturalResources', coalesce((
          SELECT json_agg(json_build_object('id', r.id, 'name', r.name) ORDER BY r.name)
            FROM project_cultural_resource link JOIN cultural_resource r ON r.id = link.cultural_resource_id
           WHERE link.project_id = page.id), '[]'),
        'bidCount', (SELECT count(*) FROM bid WHERE bid.project_id = page.id)
      )) ORDER BY page.created_at DESC, page.id DESC)
      FROM page JOIN user_account owner ON owner.id = page.owner_user_id), '[]')
  ))) AS body`;

/** A placement's actions for one side, as libs/retail's placement-state rules give them. */
const sideActions = (side: 'MAKERS' | 'RETAILER') => `
  CASE WHEN pl.state IN ('OFFERED', 'REQUESTED') AND pl.initiated_by <> '${side}' THEN ARRAY['ACCEPT', 'DECLINE']
       WHEN pl.state IN ('OFFERED', 'REQUESTED') THEN ARRAY['WITHDRAW']
       WHEN pl.state = 'ACTIVE' THEN ARRAY['END'] ELSE '{}'::text[] END`;

const PLACEMENTS_SQL = `
  WITH page AS (
    SELECT pl.*,
           (pr.owner_user_id = $2 OR EXISTS (SELECT 1 FROM team_member tm
              WHERE tm.team_id = pr.owner_team_id AND tm.user_id = $2)) AS makers,
           EXISTS (SELECT 1 FROM organization_member om
              WHERE om.organization_id = pl.organization_id AND om.user_id = $2) AS retailer
      FROM placement pl JOIN product pr ON pr.id = pl.product_id
     WHERE pl.organization_id = $1
     ORDER BY pl.created_at DESC, pl.id DESC
     LIMIT 100
  )
  SELECT json_build_object('data', json_build_object('placements', json_build_object(
    'edges', coalesce((
      SELECT json_agg(json_build_object('node', json_build_object(
        'id', pl.id, 'state', pl.state,
        'viewerActions', CASE
          WHEN pl.makers AND pl.retailer AND pl.state = 'ACTIVE' THEN ARRAY['END']
          ELSE (CASE WHEN pl.makers THEN ${sideActions('MAKERS')} ELSE '{}' END)
            || (CASE WHEN pl.retailer THEN ${sideActions('RETAILER')} ELSE '{}' END) END,
        'product', json_build_object('id', pr.id, 'sku', pr.sku, 'name', pr.name, 'brand', pr.brand),
        'outlet', json_build_object('id', o.id, 'name', o.name, 'type', o.type)
      )) ORDER BY pl.created_at DESC, pl.id DESC)
      FROM page pl JOIN product pr ON pr.id = pl.product_id JOIN outlet o ON o.id = pl.outlet_id), '[]')
  ))) AS body`;

const jwtKey = new TextEncoder().encode(process.env.JWT_SECRET);

async function viewerOf(authorization: string | undefined): Promise<string> {
  const { payload } = await jwtVerify(authorization?.replace(/^Bearer /, '') ?? '', jwtKey, {
    algorithms: ['HS256'],
  });
  return payload.sub!;
}

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const app = Fastify({ logger: false });
  app.get('/ready', async () => 'ok');
  app.post('/graphql', async (request, reply) => {
    const organizationId = (request.body as { variables?: { organizationId?: string } }).variables
      ?.organizationId;
    const { rows } = organizationId
      ? await pool.query<{ body: unknown }>(PLACEMENTS_SQL, [
          organizationId,
          await viewerOf(request.headers.authorization),
        ])
      : await pool.query<{ body: unknown }>(PAGE_SQL);
    return reply.type('application/json').send(JSON.stringify(rows[0].body));
  });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  process.once('SIGTERM', () => void app.close().then(() => pool.end()));
}

void main();
