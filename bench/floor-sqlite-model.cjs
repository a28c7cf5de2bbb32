// The least any Node program does to store an import's result in precrm's SQLite data model: the rows precrm's
// import wrote (read from `source`, a database it made), inserted with better-sqlite3 into an empty database
// with precrm's tables, indexes built after the rows, in one durable transaction (WAL, synchronous FULL) — no
// CSV, no checks, no planning. usage: node floor-sqlite-model.cjs <source.db> <target.db>
const Database = require('better-sqlite3');
const [source, target] = process.argv.slice(2);
const src = new Database(source, { readonly: true });
const schema = src.prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type DESC").pluck().all();
const tables = ['prospects', 'prospect_tags', 'stage_history', 'consent', 'purchases', 'funnel_reach'].map((t) => [t, src.prepare(`SELECT * FROM ${t}`).raw()]);
const db = new Database(target);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('cache_size = -65536');
for (const sql of schema) if (!sql.startsWith('CREATE INDEX')) db.exec(sql);
db.exec('BEGIN IMMEDIATE');
for (const [table, select] of tables) {
  const rows = select.all();
  if (rows.length === 0) continue;
  const insert = db.prepare(`INSERT INTO ${table} VALUES (${rows[0].map(() => '?').join(', ')})`);
  for (const row of rows) insert.run(row);
}
for (const sql of schema) if (sql.startsWith('CREATE INDEX')) db.exec(sql);
db.exec('COMMIT');
db.close();
