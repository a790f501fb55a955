-- Audit entries ${from} to ${to}, as the console's appends (V112, V113) leave them: the id
-- and time given here (the load skips triggers, and a history needs its past times), every ledger
-- field empty, and the jsonb details parsed from the details as written. The sealer finds them
-- above its horizon (V110) and seals them into signed blocks exactly as it seals the console's
-- own appends. The OFFSET 0 stages keep each derived value a column of its own,
-- computed once: a SQL helper that reads its argument several times is inlined only when that
-- argument is a plain column, and otherwise runs through the function executor at ten times the
-- cost.
INSERT INTO audit_entry (id, occurred_at, actor, actor_role, client_address, action, account_id, outcome,
                         details, details_text, correlation_id, prev_hash, hash)
SELECT id, occurred_at, actor, actor_role, client_address, action, account_id, outcome,
       CAST(details_text AS jsonb), details_text, correlation_id, NULL, NULL
  FROM (SELECT g AS id,
               ${start}::timestamptz + (((g - 1) * ${stepMicros} + perf_load.h(g, 207) % ${stepMicros})
                                        * interval '1 microsecond') AS occurred_at,
               actor,
               CASE WHEN action = 'SIGN_IN_FAILED' THEN NULL
                    WHEN actor LIKE 'supervisor%' THEN 'SUPERVISOR' ELSE 'AGENT' END AS actor_role,
               '10.20.' || (hashtext(actor) & 127)::text || '.' || (1 + perf_load.h(g, 208) % 3)::text AS client_address,
               action, account_id, outcome,
               perf_load.audit_details(g, action, account_id, outcome) AS details_text,
               CASE WHEN action LIKE 'CLOSURE%' OR action LIKE 'NOTIFICATION%' OR action = 'IDENTITY_VERIFICATION'
                    THEN md5('closure-' || account_id || '-' || (perf_load.h(g, 209) % 3)::text)::uuid END AS correlation_id
          FROM (SELECT g, action, perf_load.audit_actor(g, action) AS actor,
                       perf_load.audit_account(g, action, ${heavy}, ${accounts}) AS account_id,
                       perf_load.audit_outcome(g, action) AS outcome
                  FROM (SELECT g, perf_load.audit_action(g) AS action
                          FROM generate_series(${from}::bigint, ${to}::bigint) AS g
                        OFFSET 0) AS a
                OFFSET 0) AS b
        OFFSET 0) AS t
 ORDER BY id;
