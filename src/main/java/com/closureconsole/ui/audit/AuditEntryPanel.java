package com.closureconsole.ui.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.closureconsole.audit.AuditEntry;
import com.closureconsole.audit.EvidenceBundles;
import com.closureconsole.audit.InclusionProof;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.jspecify.annotations.Nullable;

/**
 * The side panel with everything one entry holds: who, what, when (local and UTC), from where,
 * on which account, the outcome, the details laid out as a list, and the hash chain; with a link
 * to the account and a way to show every step of the same closure.
 */
class AuditEntryPanel extends Composite<VerticalLayout> {

    final H3 title = new H3();
    final Button close = new Button(VaadinIcon.CLOSE.create());
    final Div fields = new Div();
    final Div details = new Div();
    final Anchor accountLink = new Anchor();
    final Button closureTrail = new Button();
    final EvidencePanel evidence;

    private final Supplier<AuditFormat> format;
    private final Function<Long, Optional<InclusionProof>> proofs;
    private @Nullable AuditEntry entry;

    AuditEntryPanel(Supplier<AuditFormat> format, Consumer<UUID> showClosure, Runnable onClose,
                    Function<Long, Optional<InclusionProof>> proofs, EvidenceBundles bundles) {
        this.format = format;
        this.proofs = proofs;
        this.evidence = new EvidencePanel(bundles);
        getContent().setId("audit-entry-panel");
        getContent().addClassName("audit-entry-panel");
        getContent().setWidth("28rem");
        getContent().setVisible(false);
        close.setId("audit-detail-close");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel(getTranslation("audit.detail.close"));
        close.addClickListener(click -> onClose.run());
        accountLink.setId("audit-detail-account-link");
        closureTrail.setId("audit-detail-closure-trail");
        closureTrail.setText(getTranslation("audit.detail.closureTrail"));
        closureTrail.addThemeVariants(ButtonVariant.LUMO_SMALL);
        closureTrail.addClickListener(click -> showClosure.accept(
                Objects.requireNonNull(entry, "the button shows with an entry of a closure").correlationId()));
        fields.addClassName("audit-fields");
        details.setId("audit-detail-details");
        details.addClassName("audit-details");
        HorizontalLayout header = new HorizontalLayout(title, close);
        header.setWidthFull();
        header.expand(title);
        getContent().add(header, fields, new HorizontalLayout(accountLink, closureTrail), evidence,
                new H3(getTranslation("audit.detail.details")), details);
    }

    @Nullable AuditEntry entry() {
        return entry;
    }

    void show(@Nullable AuditEntry shown) {
        this.entry = shown;
        getContent().setVisible(shown != null);
        if (shown == null) {
            return;
        }
        AuditFormat texts = format.get();
        title.setText(getTranslation("audit.detail.title", Long.toString(shown.id())));
        fields.removeAll();
        field("id", Long.toString(shown.id()));
        field("time", texts.time(shown.occurredAt()));
        field("timeUtc", AuditFormat.utc(shown.occurredAt()));
        field("actor", shown.actor());
        field("role", texts.role(shown.actorRole()));
        field("address", shown.clientAddress());
        field("action", texts.action(shown));
        field("account", shown.accountId());
        field("outcome", texts.outcome(shown.outcome()));
        field("correlation", shown.correlationId() == null ? null : shown.correlationId().toString());
        field("hash", shown.hash());
        field("prevHash", shown.prevHash());
        field("seal", proofs.apply(shown.id()).map(proof -> getTranslation("audit.detail.seal.value",
                Long.toString(proof.block().blockNo()), proof.leafIndex() + 1, proof.block().entryCount(),
                proof.leafHash().substring(0, 16))).orElse(getTranslation("audit.detail.seal.pending")));

        accountLink.setVisible(shown.accountId() != null);
        if (shown.accountId() != null) {
            accountLink.setHref("accounts/" + shown.accountId());
            accountLink.setText(getTranslation("audit.detail.openAccount", shown.accountId()));
        }
        closureTrail.setVisible(shown.correlationId() != null);
        evidence.showClosure(shown.correlationId());

        details.removeAll();
        Map<String, Object> values = shown.details();
        if (values.isEmpty()) {
            details.add(new Span(getTranslation("audit.detail.noDetails")));
        } else {
            details.add(layOut(values));
        }
    }

    private void field(String name, @Nullable String value) {
        Span label = new Span(getTranslation("audit.detail." + name));
        label.addClassName("audit-field-label");
        Span text = new Span(value == null ? getTranslation("audit.detail.none") : value);
        text.setId("audit-detail-" + name);
        text.addClassName("audit-field-value");
        Div row = new Div(label, text);
        row.addClassName("audit-field");
        fields.add(row);
    }

    /** Objects become a list of name and value, arrays a numbered list, each nested as deep as it goes. */
    private Component layOut(Object value) {
        if (value instanceof Map<?, ?> map) {
            Div list = new Div();
            list.addClassName("audit-details-map");
            map.forEach((key, inner) -> {
                Span name = new Span(String.valueOf(key));
                name.addClassName("audit-details-key");
                Div row = new Div(name, layOut(inner));
                row.addClassName("audit-details-row");
                list.add(row);
            });
            return list;
        }
        if (value instanceof List<?> items) {
            Div list = new Div();
            list.addClassName("audit-details-list");
            for (int i = 0; i < items.size(); i++) {
                Span number = new Span((i + 1) + ".");
                number.addClassName("audit-details-key");
                Div row = new Div(number, layOut(items.get(i)));
                row.addClassName("audit-details-row");
                list.add(row);
            }
            return list;
        }
        Span scalar = new Span(value == null ? getTranslation("audit.detail.none") : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString());
        scalar.addClassName("audit-details-value");
        return scalar;
    }
}
