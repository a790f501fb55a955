package com.closureconsole.ui.error;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shown instead of a view that failed to open: a message and a reference, the error in the log. */
public class InternalErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(InternalErrorView.class);

    public InternalErrorView() {
        setId("internal-error-view");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = UnexpectedErrorHandler.reference();
        log.error("Could not open '{}' [{}]", event.getLocation().getPath(), reference, parameter.getCaughtException());
        removeAll();
        add(new H2(getTranslation("error.unexpected.title")),
                new Paragraph(getTranslation(UnexpectedErrorHandler.messageKey(parameter.getCaughtException()), reference)),
                new Anchor("", getTranslation("error.home")));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
