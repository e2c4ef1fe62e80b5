// A short load test through the gateway, run by the delivery workflow in staging after the smoke test:
//   k6 run -e GATEWAY_URL=https://orderflow-staging.example.com \
//          -e ORDERFLOW_ISSUER=https://orderflow-staging.example.com/realms/orderflow \
//          -e ORDERFLOW_CLIENT_SECRET=... deploy/load-test.js
// Places orders and reads them back at a modest, steady rate; fails (exit code 99) when a threshold is missed.
// Every request carries a token of the client orderflow-automation (client credentials grant). Without
// ORDERFLOW_ISSUER and ORDERFLOW_CLIENT_SECRET it uses docker compose's Keycloak and the realm's development secret.
import http from 'k6/http';
import { check, fail, sleep } from 'k6';

const base = (__ENV.GATEWAY_URL || 'http://localhost:8080').replace(/\/$/, '');
const issuer = (__ENV.ORDERFLOW_ISSUER || 'http://localhost:8180/realms/orderflow').replace(/\/$/, '');
// Development only: the value in platform/identity/orderflow-realm.json.
const clientSecret = __ENV.ORDERFLOW_CLIENT_SECRET || 'automation-dev-only-secret';

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

// Each virtual user keeps its own token and fetches a new one a minute before it expires (the realm's tokens
// live 5 minutes), so a longer run never sends an expired one.
let token = null;
let renewAt = 0;

function bearer() {
  if (token === null || Date.now() >= renewAt) {
    const response = http.post(`${issuer}/protocol/openid-connect/token`, {
      grant_type: 'client_credentials',
      client_id: 'orderflow-automation',
      client_secret: clientSecret,
    }, { tags: { name: 'token' } });
    if (response.status !== 200) {
      fail(`no token from ${issuer}: ${response.status} ${response.body}`);
    }
    token = response.json('access_token');
    renewAt = Date.now() + (response.json('expires_in') - 60) * 1000;
  }
  return `Bearer ${token}`;
}

export default function () {
  // No customerId: the order is the caller's (the token's subject), and naming another customer is refused.
  const order = {
    items: [{ productId: 'p-1', quantity: 1, unitPrice: 9.99 }],
    deliveryAddress: { street: '1 Main St', city: 'Seoul', postalCode: '04524', country: 'KR' },
  };
  const placed = http.post(`${base}/api/orders`, JSON.stringify(order), {
    headers: {
      Authorization: bearer(),
      'Content-Type': 'application/json',
      'Idempotency-Key': `load-${__VU}-${__ITER}-${Date.now()}`,
    },
    tags: { name: 'place' },
  });
  check(placed, { 'order placed': (r) => r.status === 201 });
  if (placed.status === 201) {
    const read = http.get(`${base}/api/orders/${placed.json('id')}`, {
      headers: { Authorization: bearer() },
      tags: { name: 'read' },
    });
    check(read, { 'order read': (r) => r.status === 200 });
  }
  sleep(0.5);
}
