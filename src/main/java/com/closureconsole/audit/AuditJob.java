package com.closureconsole.audit;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Long audit work (an export, a verification) running in the background: how far it is, a way to
 * cancel it, and its result. Safe to read from any thread.
 *
 * @param <R> what it produces
 */
public final class AuditJob<R> {

    private final AtomicLong done = new AtomicLong();
    private volatile long total = -1;
    private volatile boolean cancelRequested;
    private final CompletableFuture<R> result = new CompletableFuture<>();

    AuditJob() {
    }

    /** How many entries it has handled so far. */
    public long done() {
        return done.get();
    }

    /** How far it is, from 0 to 1; negative while that cannot be known. */
    public double fraction() {
        long all = total;
        return all <= 0 ? -1 : Math.min(1.0, (double) done.get() / all);
    }

    /** Asks it to stop; it stops at the next entry and its result fails with a {@link CancellationException}. */
    public void cancel() {
        cancelRequested = true;
    }

    /** The result: completes when the work ends, exceptionally when it failed or was cancelled. */
    public CompletableFuture<R> result() {
        return result.copy();
    }

    void total(long total) {
        this.total = total;
    }

    void doneSoFar(long count) {
        done.set(count);
    }

    void checkCancelled() {
        if (cancelRequested) {
            throw new CancellationException("cancelled after " + done.get() + " entries");
        }
    }

    void complete(R value) {
        result.complete(value);
    }

    void fail(Throwable failure) {
        result.completeExceptionally(failure);
    }
}
