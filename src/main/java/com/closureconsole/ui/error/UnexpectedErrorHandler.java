package com.closureconsole.ui.error;

import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What the user sees when something fails while handling a click or a value change: a message in
 * their language with a reference to quote, never a stack trace. The error itself is logged with
 * that reference, so it is never swallowed.
 */
@Component
public class UnexpectedErrorHandler implements ErrorHandler, VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        String reference = reference();
        Throwable error = event.getThrowable();
        boolean denied = causedBy(error, AccessDeniedException.class);
        java.util.Optional<DatabaseFailure> database = DatabaseFailure.of(error);
        if (denied) {
            log.warn("Refused [{}]: {}", reference, error.toString());
        } else if (database.isPresent()) {
            log.error("Database failure {} [{}]", database.get(), reference, error);
        } else {
            log.error("Unexpected error [{}]", reference, error);
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            Notification notification = Notification.show(ui.getTranslation(messageKey(error), reference), 10000,
                    Notification.Position.MIDDLE);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** The translation key of what the user is told about an error; it takes the reference as {@code {0}}. */
    static String messageKey(Throwable error) {
        if (causedBy(error, AccessDeniedException.class)) {
            return "error.unexpected.denied";
        }
        return DatabaseFailure.of(error).map(DatabaseFailure::messageKey).orElse("error.unexpected.message");
    }

    static String reference() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
