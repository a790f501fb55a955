-- Demo data for the embedded database (and for an external one only when closure.demo-data=true).
-- Runs after every migration and is idempotent: existing rows are kept as they are, so the
-- moments below stay relative to when the demo data was first loaded.

INSERT INTO staff_user (username, display_name, password_hash, role) VALUES
    -- password for all three: demo123 (demo only)
    ('agent1',      'Agent One',      '$2a$10$QrAjg4cX80USCZ6NcjEVq.f6i.K7PFBnFXDrWTJ37YE6bhsdYvzv.', 'AGENT'),
    ('agent2',      'Agent Two',      '$2a$10$QrAjg4cX80USCZ6NcjEVq.f6i.K7PFBnFXDrWTJ37YE6bhsdYvzv.', 'AGENT'),
    ('supervisor1', 'Supervisor One', '$2a$10$QrAjg4cX80USCZ6NcjEVq.f6i.K7PFBnFXDrWTJ37YE6bhsdYvzv.', 'SUPERVISOR')
ON CONFLICT (username) DO NOTHING;

INSERT INTO account (id, name, phone, email, status, identity_type, taobao_id, taobao_closable,
                     registered_at, activated_at, closed_at) VALUES
    ('2088000000000001', '张伟',         '+8613800138001', 'zhang.wei@example.com',   'ACTIVE', 'REAL_NAME_CERTIFIED', NULL, NULL, now() - interval '900 days', now() - interval '900 days', NULL),
    ('2088000000000002', '王芳',         '+8613800138002', 'wang.fang@example.com',   'ACTIVE', 'REAL_NAME_CERTIFIED', NULL, NULL, now() - interval '800 days', now() - interval '800 days', NULL),
    ('2088000000000003', '李娜 (Li Na)', '+8613800138003', 'li.na@example.com',       'ACTIVE', 'REAL_NAME_CERTIFIED', NULL, NULL, now() - interval '700 days', now() - interval '700 days', NULL),
    ('2088000000000004', '刘洋',         '+8613800138004', 'liu.yang@example.com',    'ACTIVE', 'REAL_NAME_CERTIFIED', NULL, NULL, now() - interval '650 days', now() - interval '650 days', NULL),
    ('2088000000000005', '陈静',         '+8613800138005', 'chen.jing@example.com',   'ACTIVE', 'REAL_NAME_CERTIFIED', NULL, NULL, now() - interval '600 days', now() - interval '600 days', NULL),
    ('2088000000000006', '杨磊',         '+8613800138006', 'yang.lei@example.com',    'ACTIVE', 'REAL_NAME_CERTIFIED', NULL, NULL, now() - interval '550 days', now() - interval '550 days', NULL),
    ('2088000000000007', '赵敏',         '+8613800138007', 'zhao.min@example.com',    'ACTIVE', 'REAL_NAME_CERTIFIED', NULL, NULL, now() - interval '500 days', now() - interval '500 days', NULL),
    ('2088000000000008', '黄强',         '+8613800138008', 'huang.qiang@example.com', 'ACTIVE', 'REAL_NAME_CERTIFIED', NULL, NULL, now() - interval '450 days', now() - interval '450 days', NULL),
    ('2088000000000009', '周杰',         '+8613800138009', 'zhou.jie@example.com',    'ACTIVE', 'REAL_NAME_CERTIFIED', NULL, NULL, now() - interval '400 days', now() - interval '400 days', NULL),
    ('2088000000000010', '吴婷',         '+8613800138010', 'wu.ting@example.com',     'ACTIVE', 'REAL_NAME_CERTIFIED', NULL, NULL, now() - interval '350 days', now() - interval '350 days', NULL),
    ('2088000000000011', '徐鹏',         '+8613800138011', 'xu.peng@example.com',     'ACTIVE', 'REAL_NAME_CERTIFIED', NULL, NULL, now() - interval '300 days', now() - interval '300 days', NULL),
    ('2088000000000012', '孙丽',         '+8613800138012', 'sun.li@example.com',      'ACTIVE', 'REAL_NAME_CERTIFIED', NULL, NULL, now() - interval '250 days', now() - interval '250 days', NULL),
    ('2088000000000013', '马超',         '+8613800138013', 'ma.chao@example.com',     'ACTIVE', 'REAL_NAME_CERTIFIED', NULL, NULL, now() - interval '200 days', now() - interval '200 days', NULL),
    ('2088000000000014', '朱琳',         '+8613800138014', 'zhu.lin@example.com',     'ACTIVE', 'REAL_NAME_CERTIFIED', NULL, NULL, now() - interval '180 days', now() - interval '180 days', NULL),
    ('2088000000000015', '胡军',         '+8613800138015', NULL,                      'ACTIVE', 'REAL_NAME_CERTIFIED', NULL, NULL, now() - interval '160 days', now() - interval '160 days', NULL),
    ('2088000000000016', '郭敏',         '+8613800138016', 'guo.min@example.com',     'ACTIVE', 'REAL_NAME_CERTIFIED', 'tb_guomin', true, now() - interval '140 days', now() - interval '140 days', NULL),
    ('2088000000000017', '林峰',         '+8613800138017', 'lin.feng@example.com',    'NOT_ACTIVATED', 'UNCERTIFIED',  NULL, NULL, now() - interval '120 days', NULL, NULL),
    ('2088000000000018', '何雪',         '+8613800138018', 'he.xue@example.com',      'CLOSED', 'REAL_NAME_CERTIFIED', NULL, NULL, now() - interval '100 days', now() - interval '100 days', now() - interval '30 days'),
    ('2088000000000019', '高阳',         '+8613800138019', NULL,                      'ACTIVE', 'MOBILE_ONLY',         NULL, NULL, now() - interval '90 days',  now() - interval '90 days',  NULL),
    ('2088000000000020', 'Emily Chen',   '+8613800138020', 'emily.chen@example.com',  'ACTIVE', 'DIGITAL_CERTIFICATE', NULL, NULL, now() - interval '80 days',  now() - interval '80 days',  NULL),
    ('2088000000000021', '罗刚',         '+8613800138021', 'luo.gang@example.com',    'ACTIVE', 'REAL_NAME_CERTIFIED', NULL, NULL, now() - interval '70 days',  now() - interval '70 days',  NULL),
    ('2088000000000022', '谢娟',         '+8613800138022', 'xie.juan@example.com',    'ACTIVE', 'UNCERTIFIED',         NULL, NULL, now() - interval '60 days',  now() - interval '60 days',  NULL)
ON CONFLICT (id) DO NOTHING;

-- The customers who read English (the wallet's others read Simplified Chinese): checklists and
-- closure results reach them in English.
UPDATE account SET locale = 'en' WHERE id IN ('2088000000000003', '2088000000000020') AND locale <> 'en';

-- Every demo account has a wallet row; the figures that block are set per account below.
INSERT INTO wallet (account_id)
SELECT id FROM account WHERE id LIKE '20880000000000__'
ON CONFLICT (account_id) DO NOTHING;

-- The inserts below only touch rows that still hold the defaults, so a rerun changes nothing.
UPDATE wallet SET balance = 12.50
 WHERE account_id = '2088000000000002' AND balance = 0;
UPDATE wallet SET jifenbao_points = 300
 WHERE account_id = '2088000000000003' AND jifenbao_points = 0;
UPDATE wallet SET yuebao_balance = 1000.00
 WHERE account_id = '2088000000000004' AND yuebao_balance = 0;
UPDATE wallet SET huabei_open = true
 WHERE account_id = '2088000000000008' AND NOT huabei_open;
UPDATE wallet SET baodian_open = true, baodian_points = 80
 WHERE account_id = '2088000000000013' AND NOT baodian_open;
UPDATE wallet SET balance = 88.00, yuebao_balance = 500.00, huabei_open = true, huabei_outstanding = 0
 WHERE account_id = '2088000000000014' AND balance = 0;

-- Ordinary history that blocks nothing: payments long done, a withdrawal well past its 24 h.
INSERT INTO wallet_transaction (account_id, kind, amount, status, created_at, completed_at)
SELECT a.id, t.kind, t.amount, 'SUCCEEDED', now() - t.age, now() - t.age
  FROM account a
  CROSS JOIN (VALUES ('TOP_UP', 200.00, interval '40 days'),
                     ('PAYMENT', 59.90, interval '30 days'),
                     ('WITHDRAWAL', 140.10, interval '20 days')) AS t(kind, amount, age)
 WHERE a.id IN ('2088000000000001', '2088000000000016', '2088000000000022')
   AND NOT EXISTS (SELECT 1 FROM wallet_transaction w WHERE w.account_id = a.id);

-- (3) a payment still pending: never lifts by itself.
INSERT INTO wallet_transaction (account_id, kind, amount, status, created_at, completed_at)
SELECT '2088000000000005', 'PAYMENT', 35.00, 'PENDING', now() - interval '3 hours', NULL
 WHERE NOT EXISTS (SELECT 1 FROM wallet_transaction WHERE account_id = '2088000000000005');

-- (3) a withdrawal to card that succeeded 2 h before loading: lifts 24 h after it.
INSERT INTO wallet_transaction (account_id, kind, amount, status, created_at, completed_at)
SELECT '2088000000000006', 'WITHDRAWAL', 500.00, 'SUCCEEDED', now() - interval '2 hours 5 minutes', now() - interval '2 hours'
 WHERE NOT EXISTS (SELECT 1 FROM wallet_transaction WHERE account_id = '2088000000000006');

-- (4) an active withholding agreement with a utilities company.
INSERT INTO withholding_agreement (account_id, kind, merchant_name, status, signed_at)
SELECT '2088000000000007', 'GENERAL', '杭州市水务集团 (Hangzhou Water Utilities)', 'ACTIVE', now() - interval '300 days'
 WHERE NOT EXISTS (SELECT 1 FROM withholding_agreement WHERE account_id = '2088000000000007');

-- (6) a special arrangement in force for 90 more days.
INSERT INTO special_arrangement (account_id, kind, description, remedy, starts_at, ends_at)
SELECT '2088000000000009', 'SPECIAL_ARRANGEMENT', '营销活动返现保留期 (cash-back retention period)',
       '等待保留期结束 (wait until the retention period ends)', now() - interval '30 days', now() + interval '90 days'
 WHERE NOT EXISTS (SELECT 1 FROM special_arrangement WHERE account_id = '2088000000000009');

-- (7) password recovery in progress.
INSERT INTO security_operation (account_id, kind, status, started_at, finished_at)
SELECT '2088000000000010', 'PASSWORD_RECOVERY', 'IN_PROGRESS', now() - interval '45 minutes', NULL
 WHERE NOT EXISTS (SELECT 1 FROM security_operation WHERE account_id = '2088000000000010');

-- (8) open trade disputes.
INSERT INTO trade_dispute (account_id, trade_no, status, opened_at, closed_at)
SELECT a.id, 'T' || right(a.id, 4) || '20260001', 'OPEN', now() - interval '5 days', NULL
  FROM account a
 WHERE a.id IN ('2088000000000011', '2088000000000014')
   AND NOT EXISTS (SELECT 1 FROM trade_dispute d WHERE d.account_id = a.id);

-- (8) a functional restriction.
INSERT INTO account_restriction (account_id, kind, reason, imposed_at, lifted_at)
SELECT '2088000000000021', 'PAYMENT', '风险核查 (risk review)', now() - interval '10 days', NULL
 WHERE NOT EXISTS (SELECT 1 FROM account_restriction WHERE account_id = '2088000000000021');

-- (9) a merchant platform contract ending one year after loading.
INSERT INTO merchant_contract (account_id, contract_no, kind, starts_at, ends_at)
SELECT '2088000000000012', 'PC-2088000000000012', 'PLATFORM', now() - interval '1 year', now() + interval '1 year'
 WHERE NOT EXISTS (SELECT 1 FROM merchant_contract WHERE account_id = '2088000000000012');
