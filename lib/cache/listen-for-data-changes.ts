import pg from "pg";
import { DATA_CHANGE_CHANNEL } from "./record-data-change";

export interface DataChangeNotice {
  id: number;
  source: string;
  /** Whether any page may have changed; else those of `occupationCodes` and the lists of roles. */
  everyPage: boolean;
  occupationCodes: string[];
  /** Other addresses whose cached pages changed (/people/<n>). */
  paths: string[];
}

export interface DataChangeListener {
  stop(): Promise<void>;
}

export interface ListenForDataChangesOptions {
  databaseUrl: string;
  /** Called once per change, one at a time, in id order except for a change that commits after a later one. An error is passed to `onError`; the next change still comes. */
  onChange: (change: DataChangeNotice) => Promise<void>;
  onError: (error: unknown) => void;
  /** How long to wait before connecting again after the connection was lost (ms). */
  reconnectMs?: number;
}

/**
 * How many ids below the newest change handled a catch-up reads again. Changes are rare (an
 * import, an expired verification), so two in flight at once are at most a few ids apart.
 */
const REORDER_WINDOW = 100;

/**
 * Listens on PostgreSQL for the data changes that imports record
 * (record-data-change.ts): one connection per app instance with `LISTEN`. Changes recorded
 * while the connection was down (the database restarting) are caught up when it is back: each
 * (re)connection reads the `DataChange` rows after the last one handled. Changes recorded before
 * the listener first connected are not replayed: a starting instance has nothing cached yet.
 *
 * Two changes recorded at once (an import beside the verification-expiry job) can commit in the
 * other order than their ids: the later id is seen first, and a catch-up from the newest id
 * alone would skip the earlier one when it commits. So each catch-up reads again the last
 * REORDER_WINDOW ids below the newest it handled, and skips those it has handled already.
 */
export async function listenForDataChanges({ databaseUrl, onChange, onError, reconnectMs = 1_000 }: ListenForDataChangesOptions): Promise<DataChangeListener> {
  let stopped = false;
  let client: pg.Client | null = null;
  /** The newest change when the listener first connected: it and those before it are not replayed. */
  let startId: number | null = null;
  let newest = 0;
  /** The ids handled within REORDER_WINDOW of `newest`. */
  const handled = new Set<number>();
  let handling = Promise.resolve();
  let reconnectTimer: NodeJS.Timeout | null = null;

  /** Handles every committed change not handled yet, in id order (a notification only says "look"). */
  const catchUp = (reader: pg.Client) => {
    handling = handling.then(async () => {
      const from = Math.max(startId ?? 0, newest - REORDER_WINDOW);
      const rows = await reader.query<DataChangeNotice>(`SELECT "id", "source", "everyPage", "occupationCodes", "paths" FROM "DataChange" WHERE "id" > $1 ORDER BY "id"`, [from]);
      for (const change of rows.rows) {
        if (handled.has(change.id)) continue;
        handled.add(change.id);
        newest = Math.max(newest, change.id);
        await onChange(change).catch(onError);
      }
      for (const id of handled) if (id <= newest - REORDER_WINDOW) handled.delete(id);
    }).catch(onError);
    return handling;
  };

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl });
    const lost = () => {
      if (client !== next || stopped) return;
      client = null;
      next.removeAllListeners("notification");
      void next.end().catch(() => {});
      reconnectTimer = setTimeout(() => void connect(), reconnectMs);
      reconnectTimer.unref();
    };
    next.on("error", (error) => {
      onError(error);
      lost();
    });
    next.on("end", lost);
    client = next;
    try {
      await next.connect();
      next.on("notification", (message) => {
        if (message.channel === DATA_CHANGE_CHANNEL) void catchUp(next);
      });
      await next.query(`LISTEN ${DATA_CHANGE_CHANNEL}`);
      if (startId === null) {
        const latest = await next.query<{ id: number | null }>(`SELECT max("id") AS "id" FROM "DataChange"`);
        startId = newest = latest.rows[0]?.id ?? 0;
      } else {
        await catchUp(next);
      }
    } catch (error) {
      onError(error);
      lost();
    }
  };

  await connect();
  return {
    async stop() {
      stopped = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      await handling;
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
