package com.closureconsole.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Builds inclusion proofs from the sealed leaves of each block. */
@Component
class LedgerProofs {

    private final JdbcTemplate jdbc;

    LedgerProofs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<InclusionProof> proof(long entryId) {
        return proofs(List.of(entryId)).stream().findFirst();
    }

    /** Proofs of those entries that are sealed, in the order asked; each block's leaves are read once. */
    List<InclusionProof> proofs(List<Long> entryIds) {
        Map<Long, long[]> seals = new LinkedHashMap<>();
        for (Long id : entryIds) {
            jdbc.query("SELECT block_no, position FROM audit_entry_seal WHERE entry_id = ?",
                    row -> {
                        seals.put(id, new long[] {row.getLong(1), row.getLong(2)});
                    }, id);
        }
        Map<Long, List<byte[]>> leavesOf = new HashMap<>();
        Map<Long, LedgerBlock> blocks = new HashMap<>();
        List<InclusionProof> proofs = new ArrayList<>();
        for (Map.Entry<Long, long[]> seal : seals.entrySet()) {
            long blockNo = seal.getValue()[0];
            int index = (int) seal.getValue()[1];
            List<byte[]> leaves = leavesOf.computeIfAbsent(blockNo, no -> jdbc.query(
                    "SELECT leaf_hash FROM audit_entry_seal WHERE block_no = ? ORDER BY position",
                    (row, n) -> Ledger.unhex(row.getString(1)), no));
            LedgerBlock block = blocks.computeIfAbsent(blockNo, no -> jdbc.queryForObject(
                    "SELECT " + AuditSealer.BLOCK_COLUMNS + " FROM audit_block WHERE block_no = ?",
                    (row, n) -> AuditSealer.block(row), no));
            proofs.add(new InclusionProof(seal.getKey(), index, Ledger.hex(leaves.get(index)),
                    Ledger.path(index, leaves).stream().map(Ledger::hex).toList(), InclusionProof.Block.of(block)));
        }
        return proofs;
    }
}
