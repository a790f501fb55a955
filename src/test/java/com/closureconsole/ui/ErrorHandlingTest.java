package com.closureconsole.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.closureconsole.ui.error.UnexpectedErrorHandler;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class ErrorHandlingTest extends KaribuTest {

    @Test
    void an_unexpected_error_shows_a_translated_message_with_a_reference_and_no_stack_trace() {
        login("agent1", "AGENT");
        UI.getCurrent().navigate("");
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(new IllegalStateException("boom at Foo.java:12")));
        String shown = NotificationsKt.getNotifications().get(0).getElement().getProperty("text");
        assertThat(VaadinSession.getCurrent().getErrorHandler()).isInstanceOf(UnexpectedErrorHandler.class);
        assertThat(shown).startsWith("Something went wrong and nothing was changed").doesNotContain("boom", "java");
    }

    @Test
    void a_refusal_by_method_security_says_the_role_may_not_do_it() {
        login("agent1", "AGENT");
        UI.getCurrent().navigate("");
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(new RuntimeException(new AccessDeniedException("no"))));
        assertThat(NotificationsKt.getNotifications().get(0).getElement().getProperty("text")).startsWith("Your role may not do that");
    }
}
