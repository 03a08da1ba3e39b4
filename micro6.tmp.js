const { Client } = require('pg');
const fs = require('fs');
const cpu = (pid) => { const f = fs.readFileSync('/proc/' + pid + '/stat', 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
(async () => {
  const c = new Client({ host: '127.0.0.1', user: 'postgres', database: 'pot_bench_writes' });
  await c.connect();
  const pid = (await c.query('SELECT pg_backend_pid() AS p')).rows[0].p;
  const n = 2000;
  for (const upto of [1, 2, 3, 4, 5, 6, 1, 3, 6]) {
    const c0 = cpu(pid); const t0 = Date.now();
    for (let i = 0; i < n; i++) await c.query(`SELECT t_rec($1, $2, $3, 'capable', $4)`, [upto, 'B' + String(1 + ((i * 2654435761) % 7800)).padStart(5, '0'), ['appointments','prescriptions','records'][i%3], '2014-0' + (1 + i % 9) + '-01']);
    console.log('upto', upto, 'wall', ((Date.now() - t0) / n).toFixed(3), 'pg cpu', ((cpu(pid) - c0) / n).toFixed(3));
  }
  await c.query(`DELETE FROM outbox WHERE kind = 'x'`);
  await c.end();
})();
