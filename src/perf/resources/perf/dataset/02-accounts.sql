-- Accounts ${from} to ${to} with their wallets, blockers and history. Each statement reads only
-- its range of g, so ranges load in any order and in parallel sessions.
INSERT INTO account (id, name, phone, email, status, identity_type, taobao_id, taobao_closable,
                     registered_at, activated_at, closed_at)
SELECT perf_load.account_id(g), perf_load.full_name(g), perf_load.phone(g), perf_load.email(g), s.status,
       CASE WHEN perf_load.bp(g, 21) < 7500 THEN 'REAL_NAME_CERTIFIED'
            WHEN perf_load.bp(g, 21) < 8500 THEN 'UNCERTIFIED'
            WHEN perf_load.bp(g, 21) < 9800 THEN 'MOBILE_ONLY'
            ELSE 'DIGITAL_CERTIFICATE' END,
       CASE WHEN perf_load.bp(g, 22) < 1200 THEN 'tb_' || to_hex((g * 2654435761) % 4294967296) END,
       CASE WHEN perf_load.bp(g, 22) < 1200 THEN perf_load.bp(g, 24) < 7000 END,
       r.registered_at,
       CASE WHEN s.status <> 'NOT_ACTIVATED' THEN r.registered_at + interval '10 minutes' END,
       CASE WHEN s.status = 'CLOSED' THEN r.registered_at + (${anchor}::timestamptz - r.registered_at) / 2 END
  FROM generate_series(${from}::bigint, ${to}::bigint) AS g
 CROSS JOIN LATERAL (SELECT CASE WHEN g <= ${heavy} THEN 'ACTIVE'
                                 WHEN perf_load.bp(g, 20) < 150 THEN 'NOT_ACTIVATED'
                                 WHEN perf_load.bp(g, 20) < 250 THEN 'FROZEN'
                                 WHEN perf_load.bp(g, 20) < 350 THEN 'CLOSED'
                                 ELSE 'ACTIVE' END AS status) AS s
 CROSS JOIN LATERAL (SELECT perf_load.ago(${anchor}::timestamptz - interval '30 days', g, 23, interval '3600 days')
                            AS registered_at) AS r;

-- (1) balance or Jifenbao points, (2) Yu'e Bao, (5) Huabei, (10) Baodian; zero for everybody else.
INSERT INTO wallet (account_id, balance, jifenbao_points, yuebao_balance, huabei_open, huabei_outstanding,
                    baodian_open, baodian_points)
SELECT perf_load.account_id(g),
       CASE WHEN perf_load.blocks(g, 1) AND perf_load.bp(g, 30) < 8000 THEN 0.01 + (perf_load.h(g, 31) % 500000) / 100.0 ELSE 0 END,
       CASE WHEN perf_load.blocks(g, 1) AND perf_load.bp(g, 30) >= 8000 THEN 1 + perf_load.h(g, 32) % 5000 ELSE 0 END,
       CASE WHEN perf_load.blocks(g, 2) THEN 1 + (perf_load.h(g, 33) % 10000000) / 100.0 ELSE 0 END,
       perf_load.blocks(g, 5),
       CASE WHEN perf_load.blocks(g, 5) AND perf_load.bp(g, 34) < 4000 THEN (perf_load.h(g, 35) % 300000) / 100.0 ELSE 0 END,
       perf_load.blocks(g, 10) OR perf_load.bp(g, 36) < 300,
       CASE WHEN perf_load.blocks(g, 10) THEN 1 + perf_load.h(g, 37) % 2000 ELSE 0 END
  FROM generate_series(${from}::bigint, ${to}::bigint) AS g;

-- Ordinary history: 0 to 6 finished transactions over two years, none of which blocks.
INSERT INTO wallet_transaction (account_id, kind, amount, status, created_at, completed_at)
SELECT perf_load.account_id(g),
       (ARRAY['PAYMENT','PAYMENT','PAYMENT','TOP_UP','TRANSFER','WITHDRAWAL','TRANSFER_TO_CARD','REFUND'])[1 + (perf_load.h(g * 16 + n, 40) % 8)::int],
       0.01 + (perf_load.h(g * 16 + n, 41) % 200000) / 100.0,
       CASE WHEN perf_load.bp(g * 16 + n, 42) < 300 THEN 'FAILED' ELSE 'SUCCEEDED' END,
       t.created_at, t.created_at + interval '3 seconds'
  FROM generate_series(${from}::bigint, ${to}::bigint) AS g
 CROSS JOIN LATERAL generate_series(1, (perf_load.h(g, 43) % 7)::int) AS n
 CROSS JOIN LATERAL (SELECT perf_load.ago(${anchor}::timestamptz - interval '2 days', g * 16 + n, 44, interval '728 days')
                            AS created_at) AS t;

-- (3) half of them a payment still pending, the other half a withdrawal that succeeded hours ago.
INSERT INTO wallet_transaction (account_id, kind, amount, status, created_at, completed_at)
SELECT perf_load.account_id(g),
       CASE WHEN perf_load.bp(g, 50) < 5000 THEN 'PAYMENT' ELSE 'WITHDRAWAL' END,
       0.01 + (perf_load.h(g, 51) % 100000) / 100.0,
       CASE WHEN perf_load.bp(g, 50) < 5000 THEN 'PENDING' ELSE 'SUCCEEDED' END,
       t.created_at,
       CASE WHEN perf_load.bp(g, 50) < 5000 THEN NULL ELSE t.created_at + interval '1 minute' END
  FROM generate_series(${from}::bigint, ${to}::bigint) AS g
 CROSS JOIN LATERAL (SELECT perf_load.ago(${anchor}::timestamptz - interval '5 minutes', g, 52, interval '20 hours')
                            AS created_at) AS t
 WHERE perf_load.blocks(g, 3);

-- (4) one or two active withholding agreements; some accounts also have a cancelled one.
INSERT INTO withholding_agreement (account_id, kind, merchant_name, status, signed_at)
SELECT perf_load.account_id(g),
       (ARRAY['GENERAL','GENERAL','CAE','AIRLINE_CREDIT'])[1 + (perf_load.h(g * 4 + n, 60) % 4)::int],
       (ARRAY['杭州市水务集团','国家电网浙江电力','中国移动','滴滴出行','饿了么','优酷会员','中国国际航空','春秋航空',
              'Hangzhou Gas Co.','Keep 会员'])[1 + (perf_load.h(g * 4 + n, 61) % 10)::int],
       CASE WHEN n = 3 THEN 'CANCELLED' ELSE 'ACTIVE' END,
       perf_load.ago(${anchor}::timestamptz - interval '1 day', g * 4 + n, 62, interval '1500 days')
  FROM generate_series(${from}::bigint, ${to}::bigint) AS g
 CROSS JOIN LATERAL generate_series(1, 3) AS n
 WHERE (n = 1 AND perf_load.blocks(g, 4))
    OR (n = 2 AND perf_load.blocks(g, 4) AND perf_load.bp(g, 63) < 3000)
    OR (n = 3 AND perf_load.bp(g, 64) < 500);

-- (6) an arrangement in force (most with an end date); some accounts have one that has ended.
INSERT INTO special_arrangement (account_id, kind, description, remedy, starts_at, ends_at)
SELECT perf_load.account_id(g),
       (ARRAY['SERVICE_AGREEMENT','CLOSURE_AGREEMENT','SPECIAL_ARRANGEMENT'])[1 + (perf_load.h(g, 70) % 3)::int],
       '营销活动返现保留期 (cash-back retention period)', '等待保留期结束 (wait until the retention period ends)',
       ${anchor}::timestamptz - interval '60 days',
       CASE WHEN NOT perf_load.blocks(g, 6) THEN ${anchor}::timestamptz - interval '10 days'
            WHEN perf_load.bp(g, 71) < 7000 THEN ${anchor}::timestamptz + interval '1 day' * (1 + perf_load.h(g, 72) % 180) END
  FROM generate_series(${from}::bigint, ${to}::bigint) AS g
 WHERE perf_load.blocks(g, 6) OR perf_load.bp(g, 73) < 200;

-- (7) a security operation in progress; finished ones as history.
INSERT INTO security_operation (account_id, kind, status, started_at, finished_at)
SELECT perf_load.account_id(g),
       (ARRAY['PASSWORD_RECOVERY','PHONE_CHANGE','PAYMENT_PASSWORD_RESET','IDENTITY_UPDATE'])[1 + (perf_load.h(g, 80) % 4)::int],
       CASE WHEN perf_load.blocks(g, 7) THEN 'IN_PROGRESS' ELSE 'FINISHED' END,
       perf_load.ago(${anchor}::timestamptz - interval '1 minute', g, 81, interval '3 hours'),
       CASE WHEN perf_load.blocks(g, 7) THEN NULL ELSE ${anchor}::timestamptz END
  FROM generate_series(${from}::bigint, ${to}::bigint) AS g
 WHERE perf_load.blocks(g, 7) OR perf_load.bp(g, 82) < 300;

-- (8) half of them an open trade dispute, the other half a restriction in force; closed ones as history.
INSERT INTO trade_dispute (account_id, trade_no, status, opened_at, closed_at)
SELECT perf_load.account_id(g), 'T' || (20250000000000 + g * 10 + 1)::text,
       CASE WHEN perf_load.blocks(g, 8) THEN 'OPEN' ELSE 'CLOSED' END,
       ${anchor}::timestamptz - interval '5 days',
       CASE WHEN perf_load.blocks(g, 8) THEN NULL ELSE ${anchor}::timestamptz - interval '1 day' END
  FROM generate_series(${from}::bigint, ${to}::bigint) AS g
 WHERE (perf_load.blocks(g, 8) AND perf_load.bp(g, 90) < 5000) OR perf_load.bp(g, 91) < 300;

INSERT INTO account_restriction (account_id, kind, reason, imposed_at, lifted_at)
SELECT perf_load.account_id(g), (ARRAY['PAYMENT','WITHDRAWAL','RECEIVING','LOGIN'])[1 + (perf_load.h(g, 92) % 4)::int],
       '风险核查 (risk review)', ${anchor}::timestamptz - interval '10 days',
       CASE WHEN perf_load.blocks(g, 8) THEN NULL ELSE ${anchor}::timestamptz - interval '2 days' END
  FROM generate_series(${from}::bigint, ${to}::bigint) AS g
 WHERE (perf_load.blocks(g, 8) AND perf_load.bp(g, 90) >= 5000) OR perf_load.bp(g, 93) < 100;

-- (9) a merchant contract within its term; ended or terminated ones as history.
INSERT INTO merchant_contract (account_id, contract_no, kind, starts_at, ends_at, terminated)
SELECT perf_load.account_id(g), 'PC-' || perf_load.account_id(g),
       (ARRAY['PLATFORM','PAYMENT_SERVICE','OTHER'])[1 + (perf_load.h(g, 100) % 3)::int],
       ${anchor}::timestamptz - interval '400 days',
       CASE WHEN perf_load.blocks(g, 9) THEN ${anchor}::timestamptz + interval '1 day' * (1 + perf_load.h(g, 101) % 700)
            ELSE ${anchor}::timestamptz - interval '35 days' END,
       false
  FROM generate_series(${from}::bigint, ${to}::bigint) AS g
 WHERE perf_load.blocks(g, 9) OR perf_load.bp(g, 102) < 100;
