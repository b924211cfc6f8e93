// Load benchmark (issue 15), driven by Marketplace.Bench.Catalogue --load-seconds N against its running app:
// phase 1, 32 clients on the search query mix for N seconds; phase 2, the same 32 search clients together with
// 8 commissioners each asking for shortlists of their own specification, for N seconds.
// Prints one JSON object: per phase and kind, requests, throughput, p50/p95/p99 latency and errors.
// Usage: node bench/load.mjs <baseUrl> <seconds> <bearer token> <specification ids, comma-separated> <query strings as JSON array>
import autocannon from 'autocannon';

const [baseUrl, seconds, token, specificationList, mixJson] = process.argv.slice(2);
const duration = Number(seconds);
const specifications = specificationList ? specificationList.split(',') : [];
const mix = JSON.parse(mixJson);

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
      const at = (p) => latencies.length ? latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(p * latencies.length) - 1))] : null;
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

let searchClient = 0;
const search = () => run({
  url: baseUrl,
  connections: 32,
  duration,
  timeout: 30,
  // Each client walks the mix from its own starting point, so the clients are not in step.
  setupClient: (client) => {
    const start = searchClient++ % mix.length;
    client.setRequests(mix.map((_, i) => ({ method: 'GET', path: '/api/catalogue/search?' + mix[(start + i) % mix.length] })));
  },
});

let commissioner = 0;
const shortlists = () => run({
  url: baseUrl,
  connections: specifications.length,
  duration,
  // A shortlist at 100,000 offerings may take seconds under load: a slow answer is measured, not dropped.
  timeout: 300,
  headers: { authorization: `Bearer ${token}` },
  setupClient: (client) => {
    client.setRequests([{ method: 'POST', path: `/api/specifications/${specifications[commissioner++ % specifications.length]}/shortlist` }]);
  },
});

const searchAlone = await search();
const [searchWithShortlists, shortlisting] = specifications.length ? await Promise.all([search(), shortlists()]) : [null, null];
console.log(JSON.stringify({ searchAlone, searchWithShortlists, shortlisting }));
