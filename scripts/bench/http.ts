/**
 * A closed-loop HTTP load generator: N connections, each sending its next request when the last
 * one answers, for a fixed time after a warm-up. Latencies are recorded per request, so p50/p95
 * are exact. Both the app and the raw server are measured with it, in the same run.
 */
import http from "node:http";

export type LoadResult = { requests: number; errors: number; seconds: number; rps: number; p50: number; p95: number; p99: number };

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function get(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, headers, method: "GET" }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

export async function load(opts: {
  base: string;
  paths: string[];
  cookie?: string;
  connections?: number;
  seconds?: number;
  warmupSeconds?: number;
}): Promise<LoadResult> {
  const connections = opts.connections ?? 32;
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const headers: Record<string, string> = opts.cookie ? { cookie: opts.cookie } : {};
  let next = 0;
  const urls = opts.paths.map((p) => new URL(p, opts.base));
  const run = async (seconds: number, record: boolean) => {
    const latencies: number[] = [];
    let errors = 0;
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < until) {
          const url = urls[next++ % urls.length];
          const start = performance.now();
          try {
            const status = await get(agent, url, headers);
            if (status !== 200) errors++;
          } catch {
            errors++;
          }
          if (record) latencies.push(performance.now() - start);
        }
      }),
    );
    return { latencies, errors };
  };
  await run(opts.warmupSeconds ?? 2, false);
  const started = performance.now();
  const { latencies, errors } = await run(opts.seconds ?? 10, true);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

/** Logs in over plain HTTP as a browser would (CSRF token, credentials callback) → a cookie header. */
export async function login(base: string, mobile: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [kv] = c.split(";");
      const i = kv.indexOf("=");
      jar.set(kv.slice(0, i), kv.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, mobile, password, callbackUrl: `${base}/` }),
  });
  keep(res);
  const session = [...jar].find(([k]) => k.includes("session-token"));
  if (!session) throw new Error(`login as ${mobile} failed (${res.status})`);
  return `${session[0]}=${session[1]}`;
}
