// A load generator on its own thread (the other core), so the server under test is not slowed by its client.
import { parentPort, workerData } from 'node:worker_threads';
import http from 'node:http';

const { url, headers, durationMs, concurrency } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const latencies = [];
let errors = 0;
const end = Date.now() + durationMs;

function once() {
  return new Promise((resolve) => {
    const t = performance.now();
    const req = http.get(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode !== 200) errors++;
        latencies.push(performance.now() - t);
        resolve();
      });
    });
    req.on('error', () => {
      errors++;
      resolve();
    });
  });
}

async function loop() {
  while (Date.now() < end) await once();
}
await Promise.all(Array.from({ length: concurrency }, loop));
agent.destroy();
parentPort.postMessage({ count: latencies.length, errors, latencies });
