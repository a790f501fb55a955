package com.closureconsole.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.shared.AccountIds;
import org.jspecify.annotations.Nullable;

/**
 * What a supervisor looks for in the trail; every part is optional ({@code null}: any).
 *
 * @param from          entries at or after this moment
 * @param to            entries before this moment
 * @param actor         exactly this user name (case does not matter)
 * @param accountId     this wallet account ({@link AccountIds its id})
 * @param action        this kind of action
 * @param outcome       this outcome
 * @param text          this text anywhere in the details (case does not matter)
 * @param correlationId the steps of one closure
 */
public record AuditFilter(@Nullable Instant from, @Nullable Instant to, @Nullable String actor,
                          @Nullable String accountId, @Nullable AuditAction action, @Nullable AuditOutcome outcome,
                          @Nullable String text, @Nullable UUID correlationId) {

    /** The whole trail. */
    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null, null, null);

    static final int MAX_ACTOR = 64;
    static final int MAX_TEXT = 200;

    /** The fields of a filter that can be wrong. */
    public enum Field { FROM, TO, ACTOR, ACCOUNT, TEXT }

    /**
     * What is wrong with a field.
     *
     * @param field the field
     * @param code  a stable code: {@code toNotAfterFrom}, {@code accountId}, {@code tooLong}
     */
    public record Problem(Field field, String code) {
    }

    public AuditFilter {
        String strippedActor = stripped(actor);
        actor = strippedActor == null ? null : strippedActor.toLowerCase(Locale.ROOT);
        accountId = stripped(accountId);
        text = stripped(text);
        List<Problem> problems = check(from, to, actor, accountId, text);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("not a valid audit filter: " + problems);
        }
    }

    /** What is wrong with these values as a filter; empty when they make a valid one. */
    public static List<Problem> check(@Nullable Instant from, @Nullable Instant to, @Nullable String actor,
                                      @Nullable String accountId, @Nullable String text) {
        List<Problem> problems = new ArrayList<>();
        if (from != null && to != null && !to.isAfter(from)) {
            problems.add(new Problem(Field.TO, "toNotAfterFrom"));
        }
        if (actor != null && actor.strip().length() > MAX_ACTOR) {
            problems.add(new Problem(Field.ACTOR, "tooLong"));
        }
        String account = stripped(accountId);
        if (account != null && !AccountIds.isAccountId(account)) {
            problems.add(new Problem(Field.ACCOUNT, "accountId"));
        }
        if (text != null && text.strip().length() > MAX_TEXT) {
            problems.add(new Problem(Field.TEXT, "tooLong"));
        }
        return problems;
    }

    /** Only the steps of one closure, whatever else was asked. */
    public static AuditFilter closureTrail(UUID correlationId) {
        return new AuditFilter(null, null, null, null, null, null, null, correlationId);
    }

    /** The parts that are set, for the audit entry of an export. */
    Map<String, Object> describe() {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("from", from);
        parts.put("to", to);
        parts.put("actor", actor);
        parts.put("accountId", accountId);
        parts.put("action", action);
        parts.put("outcome", outcome);
        parts.put("text", text);
        parts.put("correlationId", correlationId);
        parts.values().removeIf(java.util.Objects::isNull);
        return parts;
    }

    /** The value without its outer blanks; {@code null} when nothing is left. */
    private static @Nullable String stripped(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
