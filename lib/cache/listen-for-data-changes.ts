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
  /** Called once per change, in order, one at a time. An error is passed to `onError`; the next change still comes. */
  onChange: (change: DataChangeNotice) => Promise<void>;
  onError: (error: unknown) => void;
  /** How long to wait before connecting again after the connection was lost (ms). */
  reconnectMs?: number;
}

/**
 * Listens on PostgreSQL for the data changes that imports record
 * (record-data-change.ts): one connection per app instance with `LISTEN`. Changes recorded
 * while the connection was down (the database restarting) are caught up when it is back: each
 * (re)connection reads the `DataChange` rows after the last one handled. Changes recorded before
 * the listener first connected are not replayed: a starting instance has nothing cached yet.
 */
export async function listenForDataChanges({ databaseUrl, onChange, onError, reconnectMs = 1_000 }: ListenForDataChangesOptions): Promise<DataChangeListener> {
  let stopped = false;
  let client: pg.Client | null = null;
  let lastSeen: number | null = null;
  let handling = Promise.resolve();
  let reconnectTimer: NodeJS.Timeout | null = null;

  /** Handles every change after `lastSeen`, in order (a notification only says "look"). */
  const catchUp = (reader: pg.Client) => {
    handling = handling.then(async () => {
      const rows = await reader.query<DataChangeNotice>(`SELECT "id", "source", "everyPage", "occupationCodes", "paths" FROM "DataChange" WHERE "id" > $1 ORDER BY "id"`, [lastSeen ?? 0]);
      for (const change of rows.rows) {
        lastSeen = change.id;
        await onChange(change).catch(onError);
      }
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
      if (lastSeen === null) {
        const latest = await next.query<{ id: number | null }>(`SELECT max("id") AS "id" FROM "DataChange"`);
        lastSeen = latest.rows[0]?.id ?? 0;
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
