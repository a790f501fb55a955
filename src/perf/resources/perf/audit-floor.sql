-- One audited action's commit and nothing else, for pgbench: an agent's audit entry inserted into
-- perf_floor_audit, a copy of audit_entry with all its indexes and checks (docs/scaling.md, "The floor").
INSERT INTO perf_floor_audit (occurred_at, actor, actor_role, client_address, action, account_id, outcome, details, details_text, correlation_id) VALUES (clock_timestamp(), 'agent1', 'AGENT', NULL, 'ACCOUNT_VIEW', '2088' || lpad((:client_id)::text, 6, '0') || lpad((random()*999999)::int::text, 6, '0'), 'SUCCESS', CAST('{"query":"13800138000"}' AS jsonb), '{"query":"13800138000"}', NULL);
