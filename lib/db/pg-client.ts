import pg from "pg";

// Every pg Client and Pool a command opens (npm start, the import, the operator commands) comes
// from here. A pg connection that loses its server (a shutdown stopping the database under an
// import, a restart, `terminating connection due to administrator command`) emits 'error'; with
// no listener that is an unhandled 'error' event and the process dies with a stack and exit 1.
// With one, the query under way rejects with the same error and the caller decides.
// pg-pool listens on its idle clients only, not on a client while it is checked out.

/** A pg Client (not connected) whose lost connection rejects its query instead of crashing the process. */
export function newPgClient(config: pg.ClientConfig): pg.Client {
  const client = new pg.Client(config);
  client.on("error", ignoreConnectionError);
  return client;
}

/** A pg Pool whose clients, idle or checked out, never crash the process when their connection is lost. */
export function newPgPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on("error", ignoreConnectionError);
  pool.on("connect", (client) => client.on("error", ignoreConnectionError));
  return pool;
}

/** The query under way (if any) rejects with this error; an idle connection is simply gone. */
function ignoreConnectionError() {}
