-- A few merchant-like accounts with 10,000 to 50,000 transactions each, about a third of them
-- cash-outs: the worst case of the eligibility check. The largest also has two pending payments
-- and a withdrawal from this morning, so that it blocks on condition 3 both ways.
INSERT INTO wallet_transaction (account_id, kind, amount, status, created_at, completed_at)
SELECT perf_load.account_id(h.g),
       (ARRAY['PAYMENT','TOP_UP','TRANSFER','WITHDRAWAL','TRANSFER_TO_CARD','REFUND'])[1 + (perf_load.h(h.g * 1000000 + i, 45) % 6)::int],
       0.01 + (perf_load.h(h.g * 1000000 + i, 46) % 2000000) / 100.0,
       CASE WHEN perf_load.bp(h.g * 1000000 + i, 47) < 200 THEN 'FAILED' ELSE 'SUCCEEDED' END,
       t.created_at, t.created_at + interval '2 seconds'
  FROM (VALUES (1, 50000), (2, 30000), (3, 20000), (4, 12000), (5, 10000)) AS h(g, n)
 CROSS JOIN LATERAL generate_series(1, h.n) AS i
 CROSS JOIN LATERAL (SELECT ${anchor}::timestamptz - interval '2 days' - interval '728 days' * (i::float8 / h.n)
                            AS created_at) AS t
 WHERE h.g <= ${heavy};

INSERT INTO wallet_transaction (account_id, kind, amount, status, created_at, completed_at)
SELECT perf_load.account_id(1), kind, amount, status, created_at, completed_at
  FROM (VALUES ('PAYMENT', 99.00, 'PENDING', ${anchor}::timestamptz - interval '2 hours', NULL::timestamptz),
               ('PAYMENT', 12.30, 'PENDING', ${anchor}::timestamptz - interval '1 hour', NULL),
               ('WITHDRAWAL', 5000.00, 'SUCCEEDED', ${anchor}::timestamptz - interval '3 hours',
                ${anchor}::timestamptz - interval '3 hours' + interval '1 minute')) AS p(kind, amount, status, created_at, completed_at)
 WHERE ${heavy} >= 1;
