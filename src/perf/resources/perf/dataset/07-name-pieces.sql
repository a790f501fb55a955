-- The name pieces of accounts ${from} to ${to} (V020), which its trigger does not write while
-- loading runs with session_replication_role = replica.
INSERT INTO account_name_piece (piece, account_id)
SELECT piece, a.id
  FROM account a CROSS JOIN LATERAL unnest(name_pieces(a.name)) AS piece
 WHERE a.id BETWEEN perf_load.account_id(${from}) AND perf_load.account_id(${to});
