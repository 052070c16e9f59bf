import Fastify from 'fastify';
import { Pool } from 'pg';

/**
 * The physical baseline for the GraphQL read: the same JSON as `projects(first: 20)` with owner,
 * cultural resources, bid count and totalCount, built by PostgreSQL in one statement and served
 * by Fastify with no GraphQL, validation or authorization.
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

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const app = Fastify({ logger: false });
  app.get('/ready', async () => 'ok');
  app.post('/graphql', async (_request, reply) => {
    const { rows } = await pool.query<{ body: unknown }>(PAGE_SQL);
    return reply.type('application/json').send(JSON.stringify(rows[0].body));
  });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  process.once('SIGTERM', () => void app.close().then(() => pool.end()));
}

void main();
