package com.closureconsole.ui.error;

import com.closureconsole.security.AccessRefusals;
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

/**
 * Shown, inside the shell, when a signed-in user opens a view their role may not see. The attempt
 * is recorded in the audit trail with the route that was denied.
 */
@ParentLayout(MainLayout.class)
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    private final AccessRefusals refusals;

    public AccessDeniedView(AccessRefusals refusals) {
        this.refusals = refusals;
        setId("access-denied-view");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        refusals.routeDenied(event.getLocation().getPath());
        removeAll();
        add(new H2(getTranslation("error.denied.title")),
                new Paragraph(getTranslation("error.denied.message")),
                new Anchor("", getTranslation("error.home")));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
