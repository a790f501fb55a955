-- The audit history: what the console records, in realistic proportions, newest last.

-- The action of entry g, by its share of the trail (per ten thousand entries).
CREATE FUNCTION perf_load.audit_action(g bigint) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT (ARRAY['ACCOUNT_SEARCH', 'ACCOUNT_VIEW', 'ELIGIBILITY_CHECK', 'PERSONAL_DATA_REVEAL', 'IDENTITY_VERIFICATION',
              'SIGN_IN', 'SIGN_IN_FAILED', 'ACCESS_DENIED', 'CLOSURE_SUBMIT', 'CLOSURE_APPROVE', 'CLOSURE_REJECT',
              'CLOSURE_CANCEL', 'CLOSURE_COMPLETE', 'CLOSURE_FAIL', 'NOTIFICATION_QUEUED', 'NOTIFICATION_DELIVERY',
              'AUDIT_EXPORT', 'AUDIT_VERIFY'])
       [width_bucket(perf_load.bp(g, 200), ARRAY[0, 3000, 5500, 7500, 7800, 8400, 8900, 8950, 8970, 9270, 9350,
                                                 9370, 9400, 9650, 9670, 9830, 9985, 9995])] $$;

-- Who did it: supervisors approve, reject, export and verify; agent1 alone does 5 % of the rest.
CREATE FUNCTION perf_load.audit_actor(g bigint, action text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE
    WHEN action IN ('CLOSURE_APPROVE', 'CLOSURE_REJECT', 'AUDIT_EXPORT', 'AUDIT_VERIFY') THEN
        CASE WHEN perf_load.bp(g, 201) < 3000 THEN 'supervisor1'
             ELSE 'supervisor' || lpad((1 + perf_load.h(g, 202) % 20)::text, 2, '0') END
    WHEN perf_load.bp(g, 201) < 500 THEN 'agent1'
    WHEN perf_load.bp(g, 201) < 700 THEN 'agent2'
    WHEN perf_load.bp(g, 201) < 750 THEN 'supervisor1'
    ELSE 'agent' || lpad((1 + perf_load.h(g, 202) % 200)::text, 3, '0') END $$;

-- The account it concerned, if any: 7 % of them one of the heavy accounts, the rest any account.
CREATE FUNCTION perf_load.audit_account(g bigint, action text, heavy bigint, accounts bigint) RETURNS varchar
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE
    WHEN action IN ('SIGN_IN', 'SIGN_IN_FAILED', 'ACCESS_DENIED', 'AUDIT_EXPORT', 'AUDIT_VERIFY') THEN NULL
    WHEN action = 'ACCOUNT_SEARCH' AND perf_load.bp(g, 210) < 6000 THEN NULL
    WHEN perf_load.bp(g, 203) < 700 AND heavy > 0 THEN perf_load.account_id(1 + perf_load.h(g, 204) % heavy)
    ELSE perf_load.account_id(1 + perf_load.h(g, 204) % accounts) END $$;

CREATE FUNCTION perf_load.audit_outcome(g bigint, action text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE
    WHEN action = 'ELIGIBILITY_CHECK' THEN CASE WHEN perf_load.bp(g, 205) < 5000 THEN 'BLOCKED' ELSE 'SUCCESS' END
    WHEN action IN ('SIGN_IN_FAILED', 'CLOSURE_FAIL') THEN 'FAILURE'
    WHEN action = 'ACCESS_DENIED' THEN 'DENIED'
    WHEN action IN ('CLOSURE_SUBMIT', 'NOTIFICATION_DELIVERY') AND perf_load.bp(g, 205) < 400 THEN 'FAILURE'
    WHEN action = 'ACCOUNT_VIEW' AND perf_load.bp(g, 205) < 100 THEN 'FAILURE'
    ELSE 'SUCCESS' END $$;

-- The details as the application writes them (compact JSON, keys in the publisher's order).
CREATE FUNCTION perf_load.audit_details(g bigint, action text, account varchar, outcome text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE action
    WHEN 'ACCOUNT_SEARCH' THEN CASE
        WHEN account IS NULL THEN '{"kind":"ByText","query":"*' || perf_load.pick(perf_load.given_chars(), g, 220) || '","exactHit":null}'
        WHEN perf_load.bp(g, 221) < 6000 THEN '{"kind":"ByPhone","query":"1' || (30 + perf_load.h(g, 222) % 60)::text || '****'
             || lpad((perf_load.h(g, 223) % 10000)::text, 4, '0') || '","exactHit":"' || account || '"}'
        WHEN perf_load.bp(g, 221) < 8500 THEN '{"kind":"ById","query":"' || account || '","exactHit":"' || account || '"}'
        ELSE '{"kind":"ByEmail","query":"w***@163.com","exactHit":"' || account || '"}' END
    WHEN 'ACCOUNT_VIEW' THEN CASE WHEN outcome = 'FAILURE' THEN '{"requestedId":"' || account || '"}' ELSE '{}' END
    WHEN 'ELIGIBILITY_CHECK' THEN CASE WHEN outcome = 'SUCCESS'
        THEN '{"closable":true,"failedPreCheck":null,"blockers":[]}'
        ELSE '{"closable":false,"failedPreCheck":null,"blockers":[' || (ARRAY[
            '{"code":"BALANCE_NOT_ZERO","objects":[{"kind":"WALLET_BALANCE","amount":"' || ((perf_load.h(g, 224) % 100000) / 100.0)::text || ' CNY"}],"liftsAt":null}',
            '{"code":"YUEBAO_NOT_EMPTY","objects":[{"kind":"YUEBAO_BALANCE","amount":"' || ((perf_load.h(g, 224) % 1000000) / 100.0)::text || ' CNY"}],"liftsAt":null}',
            '{"code":"TRANSACTION_IN_PROGRESS","objects":[{"kind":"PENDING_TRANSACTION","transaction":"PAYMENT","amount":"35.00 CNY"}],"liftsAt":null}',
            '{"code":"WITHHOLDING_AGREEMENT_ACTIVE","objects":[{"kind":"WITHHOLDING_AGREEMENT","merchant":"杭州市水务集团"}],"liftsAt":null}',
            '{"code":"HUABEI_OPEN","objects":[{"kind":"HUABEI","outstanding":"0.00 CNY"}],"liftsAt":null}',
            '{"code":"AGREEMENT_CONDITION","objects":[{"kind":"ARRANGEMENT","description":"营销活动返现保留期"}],"liftsAt":null}',
            '{"code":"SECURITY_OPERATION_IN_PROGRESS","objects":[{"kind":"SECURITY_OPERATION","operation":"PASSWORD_RECOVERY"}],"liftsAt":null}',
            '{"code":"DISPUTE_OR_RESTRICTION","objects":[{"kind":"DISPUTE","tradeNo":"T' || (20250000000000 + (perf_load.h(g, 225) % 1000000) * 10 + 1)::text || '"}],"liftsAt":null}',
            '{"code":"MERCHANT_CONTRACT_IN_FORCE","objects":[{"kind":"MERCHANT_CONTRACT","contractNo":"PC-' || account || '"}],"liftsAt":null}',
            '{"code":"BAODIAN_NOT_EMPTY","objects":[{"kind":"BAODIAN_POINTS","points":' || (1 + perf_load.h(g, 224) % 2000)::text || '}],"liftsAt":null}'
            ])[1 + (perf_load.h(g, 226) % 10)::int] || ']}' END
    WHEN 'PERSONAL_DATA_REVEAL' THEN '{"fields":["name","phone","email"],"reason":"'
        || (ARRAY['IDENTITY_CHECK','CUSTOMER_REQUEST','COMPLAINT'])[1 + (perf_load.h(g, 227) % 3)::int] || '"}'
    WHEN 'IDENTITY_VERIFICATION' THEN '{"method":"'
        || (ARRAY['REAL_NAME_FACE','SMS_CODE','SECURITY_QUESTIONS','DIGITAL_CERTIFICATE'])[1 + (perf_load.h(g, 227) % 4)::int] || '","passed":true}'
    WHEN 'SIGN_IN' THEN '{"method":"PASSWORD"}'
    WHEN 'SIGN_IN_FAILED' THEN '{"reason":"BAD_CREDENTIALS"}'
    WHEN 'ACCESS_DENIED' THEN '{"operation":"AuditTrail.page"}'
    WHEN 'CLOSURE_SUBMIT' THEN '{"reasonCode":"'
        || (ARRAY['NO_LONGER_NEEDED','SWITCHING_PROVIDER','DUPLICATE_ACCOUNT','PRIVACY'])[1 + (perf_load.h(g, 228) % 4)::int]
        || '","confirmationVersion":"2025-01","taobao":"NONE"' || CASE WHEN outcome = 'FAILURE' THEN ',"reason":"CONDITIONS_CHANGED"' ELSE '' END || '}'
    WHEN 'NOTIFICATION_QUEUED' THEN '{"channel":"' || CASE WHEN perf_load.bp(g, 229) < 8500 THEN 'EMAIL' ELSE 'SMS' END || '","template":"closure-result"}'
    WHEN 'NOTIFICATION_DELIVERY' THEN '{"channel":"' || CASE WHEN perf_load.bp(g, 229) < 8500 THEN 'EMAIL' ELSE 'SMS' END
        || '","status":"' || CASE WHEN outcome = 'FAILURE' THEN 'BOUNCED' ELSE 'DELIVERED' END || '"}'
    WHEN 'AUDIT_EXPORT' THEN '{"format":"CSV","filter":{"actor":"agent' || lpad((1 + perf_load.h(g, 230) % 200)::text, 3, '0')
        || '"},"rows":' || (perf_load.h(g, 231) % 50000)::text || '}'
    WHEN 'AUDIT_VERIFY' THEN '{"checked":' || (perf_load.h(g, 231) % 10000000)::text || ',"intact":true}'
    ELSE '{"state":"' || substr(action, 9) || '"}' END $$;
