package com.closureconsole.audit;

import java.util.List;

/**
 * Where sealed blocks' signed digests are kept outside the database, so that verification can
 * hold the database against them: a superuser who rewrites the ledger, or restores an older copy
 * of it, cannot rewrite these too. The default is {@link FileDigestStore}, an append-only file;
 * another store (object storage with a retention lock, a write-once volume, a transparency log)
 * implements this interface and is declared as a bean.
 */
public interface DigestStore {

    /** Keeps one digest durably before it returns; digests arrive in block order. */
    void append(BlockDigest digest);

    /** Every digest kept, in the order they were appended (a digest may appear twice, identical, after a crash). */
    List<BlockDigest> readAll();

    /** Where the digests are, in words for the operator. */
    String describe();
}
