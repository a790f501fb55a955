package com.closureconsole.audit;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.closureconsole.shared.AccountIds;
import com.closureconsole.shared.Masking;
import org.jspecify.annotations.Nullable;

/**
 * The trail's last net for personal data. Publishers mask what they put in an {@link Audited}
 * fact's details; the trail masks again, by the detail's name and by what the text looks like, so
 * a phone number, e-mail address or name never lands there in full. It masks with the console's
 * one policy ({@link Masking}), so an entry shows a customer as the grid does.
 */
final class AuditMasking {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Mainland mobiles in any common form (+86 138 0013 8000, 13800138000, 138-0013-8000) and E.164. */
    private static final Pattern PHONE = Pattern.compile("(\\+?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}|\\+[1-9]\\d{6,14}");
    private static final Set<String> PERSON_NAMES = Set.of("name", "customername", "fullname", "realname",
            "holdername", "accountname", "accountholder", "payeename", "payername");

    private AuditMasking() {
    }

    /**
     * A detail's value as the trail stores it: masked according to its name (name, phone, email,
     * id or card number, search text) or, whatever its name, when it looks like a phone number or an
     * e-mail address. Already masked values (with {@code *}) and account ids stay as they are.
     */
    static String detail(@Nullable String key, String value) {
        if (value == null || value.contains("*")) {
            return value;
        }
        String name = key == null ? "" : key.toLowerCase(Locale.ROOT);
        String text = value.strip();
        if (EMAIL.matcher(text).matches() || name.contains("email")) {
            return Masking.email(text);
        }
        if (PHONE.matcher(text).matches() || name.contains("phone") || name.contains("mobile")) {
            return Masking.phone(text);
        }
        if (name.contains("idnumber") || name.contains("certificateno") || name.contains("cardno")
                || name.contains("cardnumber")) {
            return Masking.number(text);
        }
        if (AccountIds.isAccountId(text)) {
            return value;
        }
        if (PERSON_NAMES.contains(name) || name.contains("query") || name.contains("search")) {
            return Masking.name(text);
        }
        return value;
    }
}
