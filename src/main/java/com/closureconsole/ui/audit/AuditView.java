package com.closureconsole.ui.audit;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The supervisors' audit browser. */
@Route("audit")
@Menu(title = "nav.audit", order = 4, icon = "vaadin:records")
@RolesAllowed("SUPERVISOR")
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    public AuditView() {
        setId("audit-view");
        add(new H2(getTranslation("audit.title")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.name");
    }
}
