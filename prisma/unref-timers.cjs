// Preloaded (NODE_OPTIONS=--require) into the prisma CLI only. Prisma 6's wasm schema
// engine arms 10 s timers that keep the process alive long after the command is done;
// letting long timers not hold the event loop makes `migrate deploy` take ~1 s, not 11 s.
const originalSetTimeout = global.setTimeout;
global.setTimeout = function setTimeoutUnrefLong(callback, delay, ...args) {
  const timer = originalSetTimeout(callback, delay, ...args);
  if (typeof delay === "number" && delay >= 5000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
