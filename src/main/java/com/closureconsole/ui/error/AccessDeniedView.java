package com.closureconsole.ui.error;

import java.util.Map;

import com.closureconsole.audit.AuditAction;
import com.closureconsole.audit.AuditEvent;
import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.ui.MainLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Shown, inside the shell, when a signed-in user opens a view their role may not see. The attempt
 * is recorded in the audit trail with the route that was denied.
 */
@ParentLayout(MainLayout.class)
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    private final ApplicationEventPublisher events;

    public AccessDeniedView(ApplicationEventPublisher events) {
        this.events = events;
        setId("access-denied-view");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        events.publishEvent(AuditEvent.of(AuditAction.ACCESS_DENIED, null, AuditOutcome.DENIED,
                Map.of("route", event.getLocation().getPath())));
        removeAll();
        add(new H2(getTranslation("error.denied.title")),
                new Paragraph(getTranslation("error.denied.message")),
                new Anchor("", getTranslation("error.home")));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
