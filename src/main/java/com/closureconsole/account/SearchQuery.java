package com.closureconsole.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.closureconsole.shared.AccountIds;
import com.closureconsole.shared.Masking;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import org.jspecify.annotations.Nullable;

/**
 * What an agent typed into the search field, understood as one kind of search. Parsing never
 * fails with an exception: input that cannot be searched becomes {@link Invalid} with the reason.
 */
public sealed interface SearchQuery {

    /** The normalised value searched for. */
    default String value() {
        return "";
    }

    /** The query as the audit keeps it: personal data masked. */
    default String masked() {
        return value();
    }

    int MAX_LENGTH = 200;
    String DEFAULT_REGION = "CN";

    /** The 16-digit account id, starting 2088. */
    record ById(String accountId) implements SearchQuery {
        @Override
        public String value() {
            return accountId;
        }
    }

    /** A phone number, normalised to E.164. */
    record ByPhone(String e164) implements SearchQuery {
        @Override
        public String value() {
            return e164;
        }

        @Override
        public String masked() {
            return Masking.phone(e164);
        }
    }

    /** An email address, lower-cased. */
    record ByEmail(String email) implements SearchQuery {
        @Override
        public String value() {
            return email;
        }

        @Override
        public String masked() {
            return Masking.email(email);
        }
    }

    /** Text: a fragment of a name (Chinese or Latin) or a linked Taobao id, lower-cased. */
    record ByText(String text) implements SearchQuery {

        @Override
        public String value() {
            return text;
        }

        @Override
        public String masked() {
            return Masking.name(text);
        }
    }

    /** Input that is not searched, with the reason to show beside the field. */
    record Invalid(Reason reason) implements SearchQuery {
    }

    /** Why input is not searched. */
    enum Reason {
        EMPTY, TOO_LONG, MEANINGLESS, INCOMPLETE_NUMBER, MALFORMED_EMAIL
    }

    /** Reads what was typed. */
    static SearchQuery parse(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return new Invalid(Reason.EMPTY);
        }
        String input = normalise(raw);
        if (input.isEmpty()) {
            return new Invalid(Reason.EMPTY);
        }
        if (input.length() > MAX_LENGTH) {
            return new Invalid(Reason.TOO_LONG);
        }
        if (input.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return new Invalid(Reason.MEANINGLESS);
        }
        String digits = SearchPatterns.SPACES_AND_HYPHENS.matcher(input).replaceAll("");
        if (AccountIds.isAccountId(digits)) {
            return new ById(digits);
        }
        if (input.contains("@")) {
            return SearchPatterns.EMAIL.matcher(input).matches()
                    ? new ByEmail(input.toLowerCase(Locale.ROOT))
                    : new Invalid(Reason.MALFORMED_EMAIL);
        }
        Optional<String> phone = phone(input);
        if (phone.isPresent()) {
            return new ByPhone(phone.get());
        }
        if (SearchPatterns.DIGITS_AND_GROUPING.matcher(input).matches()) {
            // Digits that are neither a whole account id nor a valid phone number find nothing useful.
            return new Invalid(Reason.INCOMPLETE_NUMBER);
        }
        return new ByText(input.toLowerCase(Locale.ROOT));
    }

    /**
     * What was typed, the way it is meant: Unicode compatibility forms folded (NFKC: full-width
     * digits, letters, {@code ＠} and brackets as typed with a Chinese input method), every kind of
     * space one space and every kind of dash a hyphen, control and format characters (a pasted NUL,
     * zero-width marks) dropped, the ends trimmed.
     */
    static String normalise(String raw) {
        String folded = java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC);
        String spaced = SearchPatterns.CONTROL_AND_FORMAT.matcher(folded).replaceAll(" ");
        String hyphens = SearchPatterns.DASHES.matcher(spaced).replaceAll("-");
        return SearchPatterns.SPACES.matcher(hyphens).replaceAll(" ").strip();
    }

    /**
     * A valid phone number, as libphonenumber reads it in the mainland's numbering plan: with or
     * without {@code +86}, {@code (+86)}, {@code 0086} or {@code 86} before it, grouped by spaces,
     * dashes, dots or brackets. Anything but those characters is not a phone number.
     */
    private static Optional<String> phone(String input) {
        if (!SearchPatterns.PHONE_CHARACTERS.matcher(input).matches()) {
            return Optional.empty();
        }
        long digitCount = input.chars().filter(Character::isDigit).count();
        if (digitCount < 7 || digitCount > 17) {
            return Optional.empty();
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            Phonenumber.PhoneNumber number = util.parse(input, DEFAULT_REGION);
            return util.isValidNumber(number)
                    ? Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}

/** The patterns {@link SearchQuery} reads a search with, compiled once: every search runs them. */
final class SearchPatterns {

    static final Pattern SPACES_AND_HYPHENS = Pattern.compile("[ -]");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern PHONE_CHARACTERS = Pattern.compile("[\\d\\s()+.-]+");
    static final Pattern DIGITS_AND_GROUPING = Pattern.compile("[\\d\\s()+.-]*\\d[\\d\\s()+.-]*");
    static final Pattern CONTROL_AND_FORMAT = Pattern.compile("[\\p{Cntrl}\\p{Cf}]");
    static final Pattern DASHES = Pattern.compile("[\\p{Pd}\\u2212\\u2043]");
    static final Pattern SPACES = Pattern.compile("[\\p{Z}\\s]+");

    private SearchPatterns() {
    }
}
