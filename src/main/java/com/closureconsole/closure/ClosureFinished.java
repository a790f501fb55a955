package com.closureconsole.closure;

import java.util.UUID;

/**
 * A closure request reached its final state (completed, rejected, cancelled or failed): the
 * customer is told. Published inside the deciding transaction.
 */
public record ClosureFinished(UUID requestId, String accountId, ClosureState state, TaobaoOutcome taobaoOutcome) {
}
