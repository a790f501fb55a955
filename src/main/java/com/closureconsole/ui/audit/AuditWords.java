package com.closureconsole.ui.audit;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.closureconsole.audit.AuditAction;
import com.closureconsole.audit.AuditEntry;
import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.ui.i18n.Translations;
import org.jspecify.annotations.Nullable;

/**
 * An audit entry's details as one line of words in the reader's language, e.g. "blocked: balance
 * ¥88.00, Huabei", for the audit grid. Every kind of action has its wording (the switch below has
 * a case for every action the console records, and AuditWordsTest fails for a new one without it); what the details hold is shown as the
 * trail stores it, personal data masked. Codes (refusals, sign-in failures, ledger findings) read
 * as words from {@code audit.words.code.*}; a code this version has no words for is shown as it is.
 * The side panel still shows every field.
 */
final class AuditWords {

    /** Looks a translation up, with its parameters, in the reader's language. */
    @FunctionalInterface
    interface Texts {
        String get(String key, Object... params);
    }

    private static final Pattern MONEY = Pattern.compile("(-?\\d+(?:\\.\\d+)?) ([A-Z]{3})");
    private static final String KEY = "audit.words.";
    /** The figures each kind of blocking object is told with, in the order its words use them. */
    static final Map<String, List<String>> FIGURES = Map.ofEntries(
            Map.entry("WALLET_BALANCE", List.of("amount")),
            Map.entry("JIFENBAO_POINTS", List.of("points")),
            Map.entry("YUEBAO_BALANCE", List.of("amount")),
            Map.entry("PENDING_TRANSACTION", List.of("kind", "amount")),
            Map.entry("RECENT_CASH_OUT", List.of("kind", "amount")),
            Map.entry("WITHHOLDING_AGREEMENT", List.of("kind", "merchant")),
            Map.entry("HUABEI", List.of("outstanding")),
            Map.entry("ARRANGEMENT", List.of("kind")),
            Map.entry("SECURITY_OPERATION", List.of("kind")),
            Map.entry("TRADE_DISPUTE", List.of("tradeNo")),
            Map.entry("RESTRICTION", List.of("kind")),
            Map.entry("MERCHANT_CONTRACT", List.of("kind", "contractNo")),
            Map.entry("BAODIAN_POINTS", List.of("points")));

    private final Texts texts;
    private final Locale locale;

    AuditWords(Texts texts, Locale locale) {
        this.texts = texts;
        this.locale = Translations.supported(locale);
    }

    /** The entry's details in words; an action this version does not know lists its details as they are. */
    String of(AuditEntry entry) {
        Map<String, Object> d = entry.details();
        return AuditActions.known(entry.action()).map(action -> of(action, entry.outcome(), d)).orElseGet(() -> plain(d));
    }

    String of(AuditAction action, AuditOutcome outcome, Map<String, Object> d) {
        boolean ok = outcome == AuditOutcome.SUCCESS;
        return switch (action.name()) {
            case "SIGN_IN" -> "OIDC".equals(d.get("method"))
                    ? t("signIn.OIDC", text(d, "provider"), methods(d.get("amr")))
                    : t("signIn.PASSWORD");
            case "SIGN_IN_FAILED" -> join(refused(d.get("reason")),
                    Boolean.FALSE.equals(d.get("knownUser")) ? t("signInFailed.unknownUser") : null,
                    d.get("provider") == null ? null : t("signInFailed.provider", text(d, "provider")));
            case "SIGN_OUT" -> t("signOut");
            case "SESSION_END" -> Boolean.TRUE.equals(d.get("expired"))
                    ? t("sessionEnd.expired", minutes(d.get("idleSeconds")))
                    : t("sessionEnd.ended", minutes(d.get("idleSeconds")));
            case "ACCESS_DENIED" -> t("accessDenied", firstOf(d, "route", "path", "operation", "object"));
            case "ACCOUNT_SEARCH" -> join(t("search", word("search.", d.get("kind")), text(d, "query")),
                    d.get("exactHit") == null ? null : t("search.exactHit", text(d, "exactHit")));
            case "ACCOUNT_VIEW" -> d.get("requestedId") == null ? t("view") : t("view.missing", text(d, "requestedId"));
            case "PERSONAL_DATA_REVEAL" -> d.get("refused") != null ? refused(d.get("refused"))
                    : t("reveal", fields(d.get("fields")), texts.get("reveal.reason." + d.get("reason")));
            case "ELIGIBILITY_CHECK" -> eligibility(d);
            case "IDENTITY_VERIFICATION" -> verification(d, ok);
            case "GIVE_UP_CONFIRMATION" -> d.get("refused") != null
                    ? join(refused(d.get("refused")), t("confirmation.version", text(d, "confirmationVersion")))
                    : t("confirmation", text(d, "confirmationVersion"));
            case "CLOSURE_SUBMIT" -> d.get("refused") != null
                    ? join(refused(d.get("refused")), d.containsKey("closable") ? eligibility(d) : null)
                    : join(t("submit", reason(d.get("reasonCode")), state(d)),
                            taobao(d.get("taobaoOutcome")), freeText("submit.text", d.get("reasonText")));
            case "CLOSURE_APPROVE", "CLOSURE_REJECT", "CLOSURE_CANCEL" -> d.get("refused") != null
                    ? join(refused(d.get("refused")), d.get("state") == null ? null : t("request.state", state(d)))
                    : join(state(d), freeText("decision.comment", d.get("comment")),
                            freeText("decision.reason", d.get("reason")));
            case "CLOSURE_COMPLETE" -> ok
                    ? join(t("complete"), taobao(d.get("taobaoOutcome")))
                    : join(t("complete.attempt", text(d, "attempt"), text(d, "error")), retry(d));
            case "CLOSURE_FAIL" -> join(t("fail", status(d.get("accountStatus"))),
                    d.containsKey("closable") ? eligibility(d) : null,
                    d.get("error") == null ? null : t("error", text(d, "error")));
            case "ACCOUNT_STATUS_CONFLICT" -> t("conflict", status(d.get("expected")), status(d.get("found")));
            case "NOTIFICATION_QUEUED" -> t("notification.queued", channel(d), text(d, "recipient"));
            case "NOTIFICATION_DELIVERY" -> ok
                    ? t("notification.delivered", channel(d), text(d, "recipient"), text(d, "attempt"))
                    : join(t("notification.failed", channel(d), text(d, "recipient"), text(d, "attempt"),
                            text(d, "error")), retry(d));
            case "NOTIFICATION_RESEND" -> d.get("refused") != null ? refused(d.get("refused"))
                    : t("notification.resent", channel(d), text(d, "recipient"));
            case "AUDIT_EXPORT" -> Boolean.TRUE.equals(d.get("cancelled"))
                    ? t("export.cancelled", number(d.get("rows")))
                    : t("export", text(d, "format"), number(d.get("rows")));
            case "AUDIT_VERIFY" -> verify(d);
            case "AUDIT_EVIDENCE_EXPORT" -> t("evidence", number(d.get("entries")), number(d.get("blocks")));
            case "CUSTOMER_CHECKLIST_SEND" -> d.get("refused") != null ? refused(d.get("refused"))
                    : d.get("error") != null ? t("error", text(d, "error"))
                    : t("checklist", channel(d), text(d, "recipient"), number(d.get("sentInWindow")),
                            number(d.get("dailyLimit")));
            // An action this version has no words for (AuditWordsTest fails for every known one without them).
            default -> plain(d);
        };
    }

    private String eligibility(Map<String, Object> d) {
        if (d.get("failedPreCheck") != null) {
            return t("precheck", word("precheck.", d.get("failedPreCheck")));
        }
        if (Boolean.TRUE.equals(d.get("closable"))) {
            return t("closable");
        }
        List<String> what = new ArrayList<>();
        if (d.get("blockers") instanceof List<?> blockers) {
            for (Object blocker : blockers) {
                if (blocker instanceof Map<?, ?> b) {
                    what.addAll(blocker(b));
                }
            }
        }
        return t("blocked", String.join(t("comma"), what));
    }

    /**
     * Each blocking object in a few words with its main figure; a blocker without objects by its
     * condition. Stored objects of some conditions hold the object's own kind (a payment, a
     * platform contract …) under {@code kind}; those objects are known by their condition.
     */
    private List<String> blocker(Map<?, ?> blocker) {
        List<String> words = new ArrayList<>();
        if (blocker.get("objects") instanceof List<?> objects) {
            for (Object object : objects) {
                if (object instanceof Map<?, ?> o) {
                    String kind = objectKind(String.valueOf(blocker.get("code")), o);
                    List<String> names = FIGURES.get(kind);
                    if (names == null) {
                        words.add(texts.get("condition." + blocker.get("code") + ".title"));
                        continue;
                    }
                    Object[] figures = names.stream().map(name -> figure(kind, name, o.get(name))).toArray();
                    words.add(t("object." + kind, figures));
                }
            }
        }
        if (words.isEmpty()) {
            words.add(texts.get("condition." + blocker.get("code") + ".title"));
        }
        return words;
    }

    /** Which blocking object a stored object is. */
    private static String objectKind(String condition, Map<?, ?> object) {
        String kind = String.valueOf(object.get("kind"));
        if (FIGURES.containsKey(kind)) {
            return kind;
        }
        return switch (condition) {
            case "TRANSACTION_IN_PROGRESS" -> object.containsKey("completedAt") ? "RECENT_CASH_OUT" : "PENDING_TRANSACTION";
            case "WITHHOLDING_AGREEMENT_ACTIVE" -> "WITHHOLDING_AGREEMENT";
            case "AGREEMENT_CONDITION" -> "ARRANGEMENT";
            case "SECURITY_OPERATION_IN_PROGRESS" -> "SECURITY_OPERATION";
            case "DISPUTE_OR_RESTRICTION" -> object.containsKey("tradeNo") ? "TRADE_DISPUTE" : "RESTRICTION";
            case "MERCHANT_CONTRACT_IN_FORCE" -> "MERCHANT_CONTRACT";
            default -> kind;
        };
    }

    /** A figure as the reader reads it: money in the locale's form, a kind by its name. */
    private Object figure(String objectKind, String name, @Nullable Object value) {
        if (value == null) {
            return t("none");
        }
        if ("kind".equals(name)) {
            return orCode("kind." + objectKind + "." + value, value);
        }
        if (value instanceof String s) {
            Matcher money = MONEY.matcher(s);
            if (money.matches()) {
                return money(new BigDecimal(money.group(1)), money.group(2));
            }
        }
        if (value instanceof Number n) {
            return number(n);
        }
        return value;
    }

    private String money(BigDecimal amount, String currency) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMinimumFractionDigits(amount.scale());
        number.setMaximumFractionDigits(Math.max(amount.scale(), 0));
        String formatted = number.format(amount);
        return "CNY".equals(currency) ? texts.get("format.money.cny", formatted) : formatted + " " + currency;
    }

    private String verification(Map<String, Object> d, boolean ok) {
        String method = d.get("method") == null ? t("none") : word("method.", d.get("method"));
        if (ok) {
            return t("verification.passed", method);
        }
        if (d.get("refused") == null) {
            return t("verification.notPassed", method);
        }
        if ("WRONG_METHOD".equals(d.get("refused"))) {
            return t("verification.wrongMethod", method, word("method.", d.get("required")));
        }
        return join(refused(d.get("refused")), t("verification.method", method));
    }

    private String verify(Map<String, Object> d) {
        if (Boolean.TRUE.equals(d.get("cancelled"))) {
            return t("verify.cancelled", number(d.get("entriesChecked")));
        }
        if (Boolean.TRUE.equals(d.get("intact"))) {
            return t("verify.intact", number(d.get("entriesChecked")), number(d.get("blocksChecked")));
        }
        return join(t("verify.broken", word("code.", d.get("problem"))),
                d.get("entryId") == null ? null : t("verify.entry", text(d, "entryId")),
                d.get("blockNo") == null ? null : t("verify.block", text(d, "blockNo")));
    }

    private String refused(@Nullable Object code) {
        return t("refused", word("code.", code));
    }

    private @Nullable String retry(Map<String, Object> d) {
        return d.get("willRetry") == null ? null : Boolean.TRUE.equals(d.get("willRetry")) ? t("willRetry") : t("noRetry");
    }

    private String state(Map<String, Object> d) {
        return d.get("state") == null ? t("none") : texts.get("state." + d.get("state"));
    }

    private String status(@Nullable Object status) {
        return status == null ? t("none") : texts.get("status." + status);
    }

    private String reason(@Nullable Object code) {
        return code == null ? t("none") : texts.get("reason." + code);
    }

    private @Nullable String taobao(@Nullable Object outcome) {
        return outcome == null ? null : t("taobao." + outcome);
    }

    private String channel(Map<String, Object> d) {
        return word("channel.", d.get("channel"));
    }

    private @Nullable String freeText(String key, @Nullable Object text) {
        return text == null ? null : t(key, text);
    }

    private String fields(@Nullable Object fields) {
        if (!(fields instanceof List<?> names)) {
            return t("none");
        }
        return String.join(t("comma"), names.stream().map(name -> texts.get("account.field." + name)).toList());
    }

    private String methods(@Nullable Object amr) {
        if (!(amr instanceof List<?> values) || values.isEmpty()) {
            return t("none");
        }
        return String.join(t("comma"), values.stream().map(String::valueOf).toList());
    }

    private String minutes(@Nullable Object seconds) {
        return seconds instanceof Number n ? number(Math.round(n.doubleValue() / 60)) : t("none");
    }

    private String number(@Nullable Object value) {
        if (value instanceof BigDecimal d) {
            return NumberFormat.getNumberInstance(locale).format(d);
        }
        if (value instanceof Number n) {
            return NumberFormat.getIntegerInstance(locale).format(n.longValue());
        }
        return value == null ? t("none") : String.valueOf(value);
    }

    /** Words for a code; the code itself where this version has none. */
    private String word(String family, @Nullable Object code) {
        return code == null ? t("none") : orCode(KEY + family + code, code);
    }

    private String orCode(String key, Object code) {
        String words = texts.get(key);
        return words.equals("!" + key) ? String.valueOf(code) : words;
    }

    private String t(String key, Object... params) {
        return texts.get(KEY + key, params);
    }

    private static String text(Map<String, Object> d, String name) {
        return d.get(name) == null ? "—" : String.valueOf(d.get(name));
    }

    private static String firstOf(Map<String, Object> d, String... names) {
        for (String name : names) {
            if (d.get(name) != null) {
                return String.valueOf(d.get(name));
            }
        }
        return "—";
    }

    private String join(@Nullable String... parts) {
        return String.join(t("separator"), java.util.Arrays.stream(parts).filter(Objects::nonNull).toList());
    }

    /** Details of an action this version does not know: name and value, as stored. */
    private String plain(Map<String, Object> d) {
        List<String> pairs = new ArrayList<>();
        d.forEach((name, value) -> pairs.add(name + ": " + value));
        return pairs.isEmpty() ? t("none") : String.join(t("separator"), pairs);
    }
}
