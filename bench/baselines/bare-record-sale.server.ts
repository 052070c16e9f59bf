import { createServer } from 'node:http';
import { Pool } from 'pg';

/**
 * The physical baseline for `recordSale`: the same row inserted by one statement (the placement
 * active at soldAt found in the same INSERT … SELECT, idempotent by outlet and external id), from
 * node:http + pg, with no GraphQL, authentication, validation, stock check, facts or outbox.
 */
const INSERT_SQL = `
  INSERT INTO sale (outlet_id, product_id, placement_id, organization_id, city_id, quantity,
                    unit_price_fen, amount_fen, sold_at, external_id, recorded_by_user_id)
  SELECT pl.outlet_id, pl.product_id, pl.id, pl.organization_id, o.city_id, $3::int, $4::int,
         $3::bigint * $4::int, $5::timestamptz, $6, $7
    FROM placement pl JOIN outlet o ON o.id = pl.outlet_id
   WHERE pl.outlet_id = $1 AND pl.product_id = $2
     AND pl.activated_at <= $5::timestamptz
     AND (pl.closed_at IS NULL OR pl.closed_at > $5::timestamptz)
   LIMIT 1
  ON CONFLICT (outlet_id, external_id) DO NOTHING
  RETURNING id`;

interface SaleBody {
  outletId: string;
  productId: string;
  externalId: string;
  quantity: number;
  unitPrice: number;
  soldAt: string;
  userId: string;
}

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});

const server = createServer((request, response) => {
  if (request.url === '/ready') return response.end('ok');
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const sale = JSON.parse(Buffer.concat(chunks).toString()) as SaleBody;
    pool
      .query<{ id: string }>(INSERT_SQL, [
        sale.outletId,
        sale.productId,
        sale.quantity,
        sale.unitPrice,
        sale.soldAt,
        sale.externalId,
        sale.userId,
      ])
      .then(({ rows }) => {
        response.setHeader('content-type', 'application/json');
        response.end(
          JSON.stringify({
            data: { recordSale: { alreadyRecorded: rows.length === 0, sale: rows[0] ?? null } },
          }),
        );
      })
      .catch((error: Error) => {
        response.statusCode = 500;
        response.end(error.message);
      });
  });
});

server.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => void pool.end()));
