// Load benchmark (issue 15), driven by Marketplace.Bench.Catalogue --load-seconds N against its running app:
// phase 1, 32 clients searching for N seconds; phase 2, the same 32 search clients together with 8 commissioners each
// asking for shortlists of their own specification, for N seconds. Searches are drawn from a set of query strings
// (the benchmark's mix, then thousands of variants), skewed towards the front as real searches repeat the common
// ones, so the app's kept pages (Cache-Status) meet new searches too; the hit rate is reported.
// Prints one JSON object: per phase and kind, requests, throughput, p50/p95/p99 latency, errors and kept-page hits; for
// searches also the latency by kind (kept page, or the kind of search the app ran) and the mean answer size, so the
// tail can be traced to the searches that make it.
// Usage: node bench/load.mjs <baseUrl> <seconds> <bearer token> <specification ids, comma-separated> <file of query strings as a JSON array>
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const [baseUrl, seconds, token, specificationList, querySetFile] = process.argv.slice(2);
const duration = Number(seconds);
const specifications = specificationList ? specificationList.split(',') : [];
const querySet = JSON.parse(readFileSync(querySetFile, 'utf8'));

// A small seeded generator (mulberry32): every run draws the same sequences.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Index = n·u³: the first 1 % of the set draws about a fifth of the searches, the first 10 % almost half.
function draws(seed, count) {
  const next = random(seed);
  return Array.from({ length: count }, () => querySet[Math.floor(querySet.length * next() ** 3)]);
}

// p-th percentile of sorted latencies (nearest rank).
const percentile = (sorted, p) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] : null;

// Every response's latency is kept: autocannon's summary has no 95th percentile.
function run(options) {
  const latencies = [];
  const statuses = {};
  const instance = autocannon(options);
  instance.on('response', (_client, status, _bytes, milliseconds) => {
    latencies.push(milliseconds);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  return new Promise((resolve, reject) => {
    instance.on('done', (result) => {
      latencies.sort((a, b) => a - b);
      const at = (p) => percentile(latencies, p);
      resolve({
        requests: latencies.length,
        perSecond: +(latencies.length / duration).toFixed(1),
        p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1),
        // errors: connection errors and timeouts; non2xx: answers other than 2xx.
        errors: result.errors + result.non2xx, timeouts: result.timeouts, statuses,
      });
    });
    instance.on('error', reject);
  });
}

// What kind of search a query string asks for: free text or not, with filters (a price ceiling counts) or not, and its order.
function kindOf(path) {
  const parameters = new URLSearchParams(path.slice(path.indexOf('?') + 1));
  const text = (parameters.get('q') ?? '').trim() !== '';
  const filters = [...parameters.keys()].some((name) => !['q', 'sort', 'page', 'pageSize'].includes(name));
  const sort = parameters.get('sort') ?? 'relevance';
  return `${text ? 'text' : 'no text'}${filters ? ' + filters' : ''}, ${sort}`;
}

// Latency percentiles and mean answer size per kind, busiest kind first.
function byKind(samples) {
  const kinds = new Map();
  for (const sample of samples) {
    (kinds.get(sample.kind) ?? kinds.set(sample.kind, []).get(sample.kind)).push(sample);
  }
  return Object.fromEntries([...kinds].sort((a, b) => b[1].length - a[1].length).map(([kind, list]) => {
    const sorted = list.map((s) => s.milliseconds).sort((a, b) => a - b);
    return [kind, {
      requests: list.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99),
      meanBytes: Math.round(list.reduce((sum, s) => sum + s.bytes, 0) / list.length),
    }];
  }));
}

let searchClient = 0;
const search = () => {
  const cache = { hits: 0, misses: 0 };
  const samples = [];
  return run({
    url: baseUrl,
    connections: 32,
    duration,
    timeout: 30,
    // Each client its own sequence of draws, so the clients are not in step, and its own address: the app limits
    // searches per client address (from the Functions host's X-Forwarded-For, believed from loopback only), and 32
    // commissioners are 32 addresses, not one.
    setupClient: (client) => {
      const id = ++searchClient;
      // And asks for compression as browsers do: the app sends its kept (Brotli-packed) pages as they are.
      const headers = { 'x-forwarded-for': `10.0.${id >> 8}.${id & 255}`, 'accept-encoding': 'gzip, deflate, br' };
      client.setRequests(draws(id, 4000).map((query) => ({ method: 'GET', path: '/api/catalogue/search?' + query, headers })));
      let hit = false;
      client.on('headers', ({ headers }) => {
        hit = false;
        for (let i = 0; i < headers.length; i += 2) {
          if (String(headers[i]).toLowerCase() === 'cache-status') {
            hit = /;\s*hit/.test(String(headers[i + 1]));
            if (hit) cache.hits++; else cache.misses++;
          }
        }
      });
      // Emitted before the client moves on, so its current request is the one answered.
      client.on('response', (_status, bytes, milliseconds) => {
        const path = client.requestIterator.currentRequest.path;
        samples.push({ kind: hit ? 'kept page' : kindOf(path), milliseconds, bytes });
      });
    },
  }).then((result) => ({
    ...result, querySet: querySet.length, keptPageHits: cache.hits, hitRate: +(cache.hits / Math.max(1, cache.hits + cache.misses)).toFixed(3),
    byKind: byKind(samples),
  }));
};

let commissioner = 0;
const shortlists = () => run({
  url: baseUrl,
  connections: specifications.length,
  duration,
  // A shortlist at 100,000 offerings may take seconds under load: a slow answer is measured, not dropped.
  timeout: 300,
  headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, deflate, br' },
  setupClient: (client) => {
    client.setRequests([{ method: 'POST', path: `/api/specifications/${specifications[commissioner++ % specifications.length]}/shortlist` }]);
  },
});

const searchAlone = await search();
const [searchWithShortlists, shortlisting] = specifications.length ? await Promise.all([search(), shortlists()]) : [null, null];
console.log(JSON.stringify({ searchAlone, searchWithShortlists, shortlisting }));
