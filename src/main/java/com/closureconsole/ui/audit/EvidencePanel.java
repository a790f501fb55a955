package com.closureconsole.ui.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

import com.closureconsole.audit.EvidenceBundle;
import com.closureconsole.audit.EvidenceBundles;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evidence bundle of the selected entry's closure: one click makes it (its making is audited),
 * then it is offered as a download.
 */
class EvidencePanel extends Composite<HorizontalLayout> {

    private static final Logger log = LoggerFactory.getLogger(EvidencePanel.class);

    final Button make = new Button();
    final Anchor download = new Anchor();
    final Span status = new Span();

    private final EvidenceBundles bundles;
    private @Nullable UUID closure;
    private final DownloadFile file = new DownloadFile("evidence-", ".zip");

    EvidencePanel(EvidenceBundles bundles) {
        this.bundles = bundles;
        make.setId("audit-evidence");
        make.setText(getTranslation("audit.evidence"));
        make.setIcon(VaadinIcon.PACKAGE.create());
        make.addThemeVariants(ButtonVariant.LUMO_SMALL);
        make.setDisableOnClick(true);
        make.addClickListener(click -> makeBundle());
        download.setId("audit-evidence-download");
        download.setText(getTranslation("audit.evidence.download"));
        download.setVisible(false);
        status.setId("audit-evidence-status");
        getContent().setAlignItems(FlexComponent.Alignment.CENTER);
        getContent().setWrap(true);
        getContent().add(make, download, status);
        addDetachListener(event -> file.delete());
    }

    void showClosure(@Nullable UUID correlationId) {
        closure = correlationId;
        getContent().setVisible(correlationId != null);
        download.setVisible(false);
        status.setText("");
        make.setEnabled(true);
    }

    private void makeBundle() {
        try {
            Path zip = file.create();
            EvidenceBundle bundle;
            try (OutputStream out = Files.newOutputStream(zip)) {
                bundle = bundles.write(Objects.requireNonNull(closure, "the panel shows with a closure"), out);
            }
            download.setHref(DownloadHandler.forFile(zip.toFile(), "evidence-" + closure + ".zip"));
            download.setVisible(true);
            status.setText(getTranslation("audit.evidence.ready", bundle.entries()));
        } catch (IOException | RuntimeException e) {
            log.error("Could not make the evidence bundle of closure {}", closure, e);
            file.delete();
            status.setText(getTranslation("audit.evidence.failed"));
        } finally {
            make.setEnabled(true);
        }
    }
}
