package com.closureconsole.account;

import java.util.LinkedHashMap;
import java.util.Map;

import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.audit.Audited;
import org.jspecify.annotations.Nullable;

/**
 * A member of staff started a search.
 *
 * @param kind        the kind of query understood ({@code AccountId}, {@code Phone}, {@code Name} …)
 * @param maskedQuery what was searched for, masked
 * @param exactHit    the one account an exact query named, or {@code null}
 */
public record AccountSearched(String kind, String maskedQuery, @Nullable String exactHit) implements Audited {

    @Override
    public AccountAction action() {
        return AccountAction.ACCOUNT_SEARCH;
    }

    @Override
    public @Nullable String accountId() {
        return exactHit;
    }

    @Override
    public AuditOutcome outcome() {
        return AuditOutcome.SUCCESS;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind);
        details.put("query", maskedQuery);
        details.put("exactHit", exactHit);
        return details;
    }
}
