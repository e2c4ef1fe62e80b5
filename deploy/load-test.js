// A short load test through the gateway, run by the delivery workflow in staging after the smoke test:
//   k6 run -e GATEWAY_URL=https://orderflow-staging.example.com deploy/load-test.js
// Places orders and reads them back at a modest, steady rate; fails (exit code 99) when a threshold is missed.
import http from 'k6/http';
import { check, sleep } from 'k6';

const base = (__ENV.GATEWAY_URL || 'http://localhost:8080').replace(/\/$/, '');

export const options = {
  scenarios: {
    orders: {
      executor: 'ramping-vus',
      startVUs: 1,
      stages: [
        { duration: '30s', target: 10 },
        { duration: '60s', target: 10 },
        { duration: '10s', target: 0 },
      ],
    },
  },
  thresholds: {
    http_req_failed: ['rate<0.01'],
    'http_req_duration{name:place}': ['p(95)<1000'],
    'http_req_duration{name:read}': ['p(95)<500'],
    checks: ['rate>0.99'],
  },
};

export default function () {
  const order = {
    customerId: `load-${__VU}`,
    items: [{ productId: 'p-1', quantity: 1, unitPrice: 9.99 }],
    deliveryAddress: { street: '1 Main St', city: 'Seoul', postalCode: '04524', country: 'KR' },
  };
  const placed = http.post(`${base}/api/orders`, JSON.stringify(order), {
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `load-${__VU}-${__ITER}-${Date.now()}` },
    tags: { name: 'place' },
  });
  check(placed, { 'order placed': (r) => r.status === 201 });
  if (placed.status === 201) {
    const read = http.get(`${base}/api/orders/${placed.json('id')}`, { tags: { name: 'read' } });
    check(read, { 'order read': (r) => r.status === 200 });
  }
  sleep(0.5);
}
