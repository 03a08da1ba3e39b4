const { Client } = require('pg');
const fs = require('fs');
const cpu = (pid) => { const f = fs.readFileSync('/proc/' + pid + '/stat', 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
(async () => {
  const c = new Client({ host: '127.0.0.1', user: 'postgres', database: 'pot_bench_writes' });
  await c.connect();
  const pid = (await c.query('SELECT pg_backend_pid() AS p')).rows[0].p;
  const n = 3000;
  const run = async (label, q, args) => {
    const c0 = cpu(pid); const t0 = Date.now(); const u0 = process.cpuUsage();
    for (let i = 0; i < n; i++) await c.query(q, args(i));
    const u = process.cpuUsage(u0);
    console.log(label.padEnd(12), 'wall', ((Date.now() - t0) / n).toFixed(3), 'pg cpu', ((cpu(pid) - c0) / n).toFixed(3), 'node cpu', ((u.user + u.system) / 1000 / n).toFixed(3));
  };
  await run('select1', 'SELECT $1::int', (i) => [i]);
  await run('outbox', `INSERT INTO outbox (kind, payload) VALUES ('x', jsonb_build_object('practiceId', $1::int))`, (i) => [i]);
  const args = (i) => ['B' + String(1 + ((i * 2654435761) % 7800)).padStart(5, '0'), null, ['appointments','prescriptions','records'][i%3], 'capable', '2014-0' + (1 + i % 9) + '-01', '2026-12-02', null, 'manual', null, 'status.record', 'evaluate-practice'];
  await run('function', `SELECT * FROM record_status_event($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`, args);
  await run('function', `SELECT * FROM record_status_event($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`, args);
  await c.query(`DELETE FROM outbox WHERE kind = 'x'`);
  await c.end();
})();
