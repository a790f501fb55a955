package com.closureconsole.ui.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.closureconsole.audit.AuditEntry;
import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.ui.Formats;
import com.vaadin.flow.component.Component;
import org.jspecify.annotations.Nullable;

/** How the audit screens show times, actions, outcomes and details in the agent's language and time zone. */
final class AuditFormat {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS 'UTC'").withZone(ZoneOffset.UTC);

    private final Component owner;
    private final Locale locale;
    private final Formats formats;
    private final AuditWords words;

    AuditFormat(Component owner, Locale locale, Formats formats) {
        this.owner = owner;
        this.locale = locale;
        this.formats = formats;
        this.words = new AuditWords(owner::getTranslation, locale);
    }

    /** The moment in the console's time zone, in the owner's language. */
    String time(Instant instant) {
        return formats.moment(instant, locale);
    }

    static String utc(Instant instant) {
        return UTC.format(instant);
    }

    String action(AuditEntry entry) {
        return AuditActions.known(entry.action()).map(action -> owner.getTranslation("action." + action.name())).orElse(entry.action());
    }

    /** The details in words, for the grid (the side panel lists every field). */
    String details(AuditEntry entry) {
        return words.of(entry);
    }

    String outcome(AuditOutcome outcome) {
        return owner.getTranslation("outcome." + outcome.name());
    }

    String role(@Nullable String role) {
        return role == null ? owner.getTranslation("audit.detail.none") : owner.getTranslation("role." + role);
    }

    /** The Lumo badge that suits an outcome. */
    static String badge(AuditOutcome outcome) {
        return switch (outcome) {
            case SUCCESS -> "badge success small";
            case FAILURE, DENIED -> "badge error small";
            case BLOCKED -> "badge contrast small";
        };
    }
}
