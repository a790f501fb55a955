package com.closureconsole.closure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.audit.Audited;

/**
 * Something that happened to one closure request, published in the transaction that did it. Its
 * audit entry names the request and the state it had then, followed by the figures of the fact;
 * the request's id ties the entries of one closure together.
 */
public sealed interface ClosureRequestFact extends Audited
        permits ClosureSubmitted, ClosureApproved, ClosureRejected, ClosureCancelled, ClosureCompleted, ClosureFailed,
        AccountStatusConflicted {

    /** The closure request. */
    UUID requestId();

    /** The request's state when it happened. */
    ClosureState state();

    /** What the entry records after the request and its state. */
    Map<String, Object> figures();

    @Override
    default Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requestId", requestId().toString());
        details.put("state", state().name());
        details.putAll(figures());
        return details;
    }

    @Override
    default UUID correlationId() {
        return requestId();
    }
}
