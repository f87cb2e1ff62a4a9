// Runs once when a server process starts (Next's instrumentation hook). Next also builds this
// hook for the Edge runtime: the Node.js work is in a module of its own, imported only here.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./instrumentation-node")).registerNodeServer();
}
