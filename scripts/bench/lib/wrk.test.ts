import { describe, expect, it } from "vitest";
import { parseWrkOutput } from "./wrk";

const report = (lines: string) => `Running 5s test @ http://127.0.0.1:3000/roles/registered-nurses
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.34ms    2.37ms  18.90ms   86.81%
    Req/Sec    12.76k     2.29k   16.80k    60.00%
  Latency Distribution
     50%  812.00us
     75%    3.32ms
     90%    5.33ms
     99%    1.21s
  51179 requests in 2.02s, 11.71MB read
${lines}Requests/sec:  25381.60
Transfer/sec:      5.81MB
`;

describe("parseWrkOutput", () => {
  it("reads req/s and the 50th and 99th percentiles in milliseconds, whatever unit wrk chose", () => {
    expect(parseWrkOutput(report(""))).toEqual({ requests: 25381.6, p50: 0.81, p99: 1210, failures: 0 });
  });

  it("counts answers that were not 2xx/3xx and socket errors as failures", () => {
    expect(parseWrkOutput(report("  Socket errors: connect 0, read 2, write 0, timeout 3\n  Non-2xx or 3xx responses: 7\n")).failures).toBe(12);
  });

  it("refuses a report it cannot read rather than printing zeros", () => {
    expect(() => parseWrkOutput("unable to connect to 127.0.0.1:3000 Connection refused")).toThrow(/expected form/);
  });
});
