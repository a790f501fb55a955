package com.closureconsole.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.closureconsole.ui.KaribuTest;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;

class LoginViewTest extends KaribuTest {

    @Test
    void shows_the_product_name_and_a_form_that_posts_to_spring_security() {
        UI.getCurrent().navigate("login");
        assertThat(_get(H1.class).getText()).isEqualTo("Closure Console");
        LoginForm form = _get(LoginForm.class);
        assertThat(form.getAction()).isEqualTo("login");
        assertThat(form.isError()).isFalse();
    }

    @Test
    void failed_sign_in_shows_a_message_that_does_not_say_which_part_was_wrong() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        LoginView view = _get(LoginView.class);
        assertThat(view.texts.getErrorMessage().getMessage())
                .isEqualTo(t("login.failed.message"))
                .contains("user name or password");
    }

    @Test
    void a_user_whose_session_reached_its_absolute_lifetime_is_told_why_once() {
        HttpSession session = VaadinServletRequest.getCurrent().getHttpServletRequest().getSession(true);
        session.setAttribute(SessionLifetimeFilter.ENDED, Duration.ofHours(12));
        UI.getCurrent().navigate("login");
        LoginView view = _get(LoginView.class);
        assertThat(_get(LoginForm.class).isError()).isTrue();
        assertThat(view.texts.getErrorMessage().getTitle()).isEqualTo(t("login.session-ended.title")).isEqualTo("Session ended");
        assertThat(view.texts.getErrorMessage().getMessage()).isEqualTo(t("login.session-ended.message"));
        assertThat(session.getAttribute(SessionLifetimeFilter.ENDED)).isNull();
    }

    @Test
    void the_language_switch_turns_the_sign_in_page_to_chinese() {
        UI.getCurrent().navigate("login");
        _get(LanguageSwitch.class).setValue(java.util.Locale.SIMPLIFIED_CHINESE);
        assertThat(_get(H1.class).getText()).isEqualTo("注销工作台");
    }

    @Test
    void a_sign_in_that_could_not_reach_the_database_says_so_instead_of_blaming_the_password() {
        com.vaadin.flow.server.VaadinServletRequest.getCurrent().getHttpServletRequest().getSession(true)
                .setAttribute(org.springframework.security.web.WebAttributes.AUTHENTICATION_EXCEPTION,
                        new org.springframework.security.authentication.InternalAuthenticationServiceException("database down"));
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        LoginView view = _get(LoginView.class);
        assertThat(view.texts.getErrorMessage().getTitle()).isEqualTo(t("login.unavailable.title"));
        assertThat(view.texts.getErrorMessage().getMessage()).contains("cannot reach its database");
    }

    @Test
    void the_demo_shows_a_demo_badge_on_the_sign_in_page() {
        UI.getCurrent().navigate("login");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("demo-badge")).getText())
                .isEqualTo(t("demo.badge"));
    }

    @Test
    void a_locked_user_is_told_the_same_as_a_wrong_password_so_that_nobody_learns_which_names_exist() {
        VaadinServletRequest.getCurrent().getHttpServletRequest().getSession(true).setAttribute(
                org.springframework.security.web.WebAttributes.AUTHENTICATION_EXCEPTION,
                new org.springframework.security.authentication.LockedException("locked"));
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        assertThat(_get(LoginView.class).texts.getErrorMessage().getMessage()).isEqualTo(t("login.failed.message"));
    }

    @Test
    void an_address_that_is_throttled_is_told_to_wait() {
        VaadinServletRequest.getCurrent().getHttpServletRequest().getSession(true).setAttribute(
                org.springframework.security.web.WebAttributes.AUTHENTICATION_EXCEPTION,
                new SignInFailures.ThrottledException(Duration.ofSeconds(4)));
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        assertThat(_get(LoginView.class).texts.getErrorMessage().getTitle()).isEqualTo(t("login.throttled.title"));
    }

    @Test
    void someone_the_provider_signed_in_without_a_console_group_is_told_why_beside_the_form() {
        VaadinServletRequest.getCurrent().getHttpServletRequest().getSession(true).setAttribute(
                org.springframework.security.web.WebAttributes.AUTHENTICATION_EXCEPTION,
                new StaffOidcUserService.RefusedException(ProviderSignInRefused.Reason.NO_MAPPED_ROLE));
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        LoginView view = _get(LoginView.class);
        assertThat(view.refusal.isVisible()).isTrue();
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("sign-in-refused-message")).getText())
                .isEqualTo(t("login.no-role.message"));
        assertThat(_get(LoginForm.class).isError()).isFalse();
    }

    @Test
    void without_a_configured_provider_the_page_offers_only_the_password_form() {
        UI.getCurrent().navigate("login");
        LoginView view = _get(LoginView.class);
        assertThat(view.providerSignIn).isNull();
        assertThat(view.refusal.isVisible()).isFalse();
        assertThat(view.form.getParent()).isPresent();
    }
}
