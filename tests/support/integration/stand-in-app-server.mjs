// Tests only (scripts/start.process.test.ts): stands in for `next start` under the start
// supervisor, through CAREERWIKI_TEST_APP_SERVER, so its tests need no production build.
// Like next-server it answers from the database, and on SIGTERM/SIGINT stops taking
// connections, finishes the requests in flight, then exits.
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
pool.on("error", () => {});
const server = http.createServer(async (request, response) => {
  try {
    const delay = Number(new URL(request.url ?? "/", "http://localhost").searchParams.get("delay") ?? 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const { rows } = await pool.query('SELECT count(*)::int AS users FROM "User"');
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ users: rows[0].users, pid: process.pid }));
  } catch (error) {
    response.statusCode = 500;
    response.end(JSON.stringify({ error: error.message }));
  }
});
server.listen(Number(process.env.PORT), "127.0.0.1");
const stop = (code) => server.close(() => pool.end().finally(() => process.exit(code)));
process.on("SIGTERM", () => stop(143));
process.on("SIGINT", () => stop(130));
