-- The sealer writes one seal row per entry, up to 5,000 at a time, on the same cores as the
-- appends. Two of the checks on each row cost more than the row itself (2,000,000 rows: 22.6 s
-- with them, 7.9 s without, on PostgreSQL 15): the foreign key to audit_block, a trigger per row
-- that looks the block up and locks it, and the pattern match on the leaf hash.
--
-- Neither guards anything verification does not check. Only the owner writes seals (the
-- application's role may read them, V050), and it writes a block and its seals in one
-- transaction. Verification recomputes every leaf hash and compares the text, so a malformed one
-- is a changed block; and an entry whose seal names a block that does not exist is named as not
-- sealed (LedgerVerifier joins the seal to its block).
ALTER TABLE audit_entry_seal DROP CONSTRAINT audit_entry_seal_block_no_fkey;
ALTER TABLE audit_entry_seal DROP CONSTRAINT audit_entry_seal_leaf_hash_check;
