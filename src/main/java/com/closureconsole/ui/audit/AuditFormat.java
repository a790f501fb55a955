package com.closureconsole.ui.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.closureconsole.audit.AuditEntry;
import com.closureconsole.audit.AuditOutcome;
import com.vaadin.flow.component.Component;

/** How the audit screens show times, actions, outcomes and details in the agent's language and time zone. */
final class AuditFormat {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS 'UTC'").withZone(ZoneOffset.UTC);

    private final Component owner;
    private final ZoneId zone;
    private final DateTimeFormatter local;
    private final AuditWords words;

    AuditFormat(Component owner, Locale locale, ZoneId zone) {
        this.owner = owner;
        this.zone = zone;
        this.local = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
        this.words = new AuditWords(owner::getTranslation, locale);
    }

    ZoneId zone() {
        return zone;
    }

    String time(Instant instant) {
        return local.format(instant);
    }

    static String utc(Instant instant) {
        return UTC.format(instant);
    }

    String action(AuditEntry entry) {
        return entry.knownAction().map(action -> owner.getTranslation("action." + action.name())).orElse(entry.action());
    }

    /** The details in words, for the grid (the side panel lists every field). */
    String details(AuditEntry entry) {
        return words.of(entry);
    }

    String outcome(AuditOutcome outcome) {
        return owner.getTranslation("outcome." + outcome.name());
    }

    String role(String role) {
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
