// Driving calls: one at a time, or with `depth` in flight. Both give the mean time per call
// in µs over the batch (for `depth` > 1 that is 1 / throughput).

export async function sequential(call, n) {
  const t = performance.now();
  for (let i = 0; i < n; i++) await call(i);
  return ((performance.now() - t) / n) * 1000;
}

export async function inFlight(call, n, depth = 16) {
  let next = 0;
  const t = performance.now();
  const lane = async () => {
    while (next < n) await call(next++);
  };
  await Promise.all(Array.from({ length: Math.min(depth, n) }, lane));
  return ((performance.now() - t) / n) * 1000;
}
