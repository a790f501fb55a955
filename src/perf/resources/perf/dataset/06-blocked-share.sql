-- How many accounts at least one of the ten closure conditions blocks (the figures the conditions
-- read, as plain SQL), to check the load: about half should be.
SELECT count(*) AS accounts,
       count(*) FILTER (WHERE blocked) AS blocked,
       round(100.0 * count(*) FILTER (WHERE blocked) / count(*), 1) AS blocked_percent
  FROM (SELECT w.balance <> 0 OR w.jifenbao_points <> 0 OR w.yuebao_balance <> 0 OR w.huabei_open
               OR (w.baodian_open AND w.baodian_points <> 0)
               OR a.id IN (SELECT account_id FROM wallet_transaction WHERE status = 'PENDING')
               OR a.id IN (SELECT account_id FROM wallet_transaction WHERE status = 'SUCCEEDED'
                             AND kind IN ('WITHDRAWAL', 'TRANSFER_TO_CARD') AND completed_at > now() - interval '24 hours')
               OR a.id IN (SELECT account_id FROM withholding_agreement WHERE status = 'ACTIVE')
               OR a.id IN (SELECT account_id FROM special_arrangement WHERE starts_at <= now() AND (ends_at IS NULL OR ends_at > now()))
               OR a.id IN (SELECT account_id FROM security_operation WHERE status = 'IN_PROGRESS')
               OR a.id IN (SELECT account_id FROM trade_dispute WHERE status = 'OPEN')
               OR a.id IN (SELECT account_id FROM account_restriction WHERE lifted_at IS NULL)
               OR a.id IN (SELECT account_id FROM merchant_contract WHERE NOT terminated AND starts_at <= now() AND ends_at > now())
               AS blocked
          FROM account a LEFT JOIN wallet w ON w.account_id = a.id) AS conditions
