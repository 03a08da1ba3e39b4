'use strict';
/**
 * The floor of `bench:writes`: the API's status write with everything but the database call taken away.
 * Bare node:http and a pg pool of the API's size, sending exactly the call StatusRepository.recordEvent
 * sends (record_status_event, as an admin writing with source manual), answering its row as JSON. No
 * framework, no validation, no sign-in, no logs: what is left is PostgreSQL's work, the two hops over
 * loopback and Node's HTTP parsing, so `API − floor` is what NestJS and the product's own layers cost.
 *
 * Plain JavaScript, run with `node` (like the built API), so ts-node's overhead is not in the floor.
 * Connection from the standard PG* variables; port from PORT. Prints "floor listening" when ready.
 */
const http = require('node:http');
const { Pool } = require('pg');

const pool = new Pool({ max: Number(process.env.DB_POOL_SIZE ?? 30) });
const PATH = /^\/api\/v1\/practices\/([A-Za-z0-9]{1,10})\/status$/;
const WRITE = `SELECT * FROM record_status_event($1, NULL, $2, $3, $4, (now() AT TIME ZONE 'Europe/London')::date, NULL,
  'manual', NULL, 'status.record', 'evaluate-practice')`;

http
  .createServer((req, res) => {
    const code = PATH.exec(req.url ?? '')?.[1];
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      try {
        if (req.method !== 'POST' || !code) throw Object.assign(new Error('not found'), { status: 404 });
        const { service, level, effectiveDate } = JSON.parse(body);
        const { rows } = await pool.query(WRITE, [code, service, level, effectiveDate]);
        res.writeHead(rows.length ? 201 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(rows[0] ?? { message: 'no such practice' }));
      } catch (err) {
        res.writeHead(err.status ?? 500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: String(err.message) }));
      }
    });
  })
  .listen(Number(process.env.PORT ?? 3391), '127.0.0.1', () => console.log('floor listening'));
