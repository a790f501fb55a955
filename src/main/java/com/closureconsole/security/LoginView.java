package com.closureconsole.security;


import com.closureconsole.database.DemoMode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;

/**
 * The sign-in page: "Sign in with …" the company's identity provider when one is configured, and
 * the password form where password sign-in is allowed. The form posts to Spring Security; a
 * failure comes back as {@code ?error} and is shown without saying whether the name or the
 * password was wrong or the user is locked. Someone the provider signed in but the console keeps
 * out is told why.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final LoginForm form = new LoginForm();
    final LanguageSwitch languages = new LanguageSwitch();
    /** "Sign in with …", when an identity provider is configured. */
    final @Nullable Anchor providerSignIn;
    /** Why the identity provider's sign-in did not let the user in, shown only then. */
    final Div refusal = new Div();
    /** The texts the form shows now (the error message differs for lock-out and an ended session). */
    LoginI18n texts;

    public LoginView(DemoMode demo, SignInOptions options) {
        setId("login-view");
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        showTexts(Failure.CREDENTIALS);

        H1 product = new H1(getTranslation("app.name"));
        product.addClassName("login-product");
        Paragraph tagline = new Paragraph(getTranslation("login.tagline"));
        tagline.addClassName("login-tagline");
        refusal.setId("sign-in-refused");
        refusal.addClassName("sign-in-refused");
        refusal.getElement().setAttribute("role", "alert");
        refusal.setVisible(false);
        add(languages, product, tagline, refusal);
        providerSignIn = options.provider().map(this::providerButton).orElse(null);
        if (providerSignIn != null) {
            add(providerSignIn);
        }
        if (options.passwordForm()) {
            if (providerSignIn != null) {
                Paragraph or = new Paragraph(getTranslation("login.or-password"));
                or.addClassName("login-or");
                add(or);
            }
            add(form);
        }
        if (demo.enabled()) {
            Span badge = new Span(getTranslation("demo.badge"));
            badge.setId("demo-badge");
            badge.setTitle(getTranslation("demo.badge.title"));
            badge.getElement().getThemeList().add("badge error");
            addComponentAtIndex(1, badge);
        }
    }

    /** A full-page link: Spring Security sends the browser on to the provider. */
    private Anchor providerButton(SignInOptions.Provider provider) {
        Button button = new Button(getTranslation("login.provider", provider.name()));
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        button.setWidthFull();
        Anchor link = new Anchor(provider.authorizationPath(), button);
        link.setRouterIgnore(true);
        link.setId("provider-sign-in");
        link.addClassName("provider-sign-in");
        return link;
    }

    /** Why the last sign-in failed, as the page tells it. */
    enum Failure {
        /** The same for an unknown user, a wrong password, a locked or disabled user. */
        CREDENTIALS("login.failed"),
        THROTTLED("login.throttled"),
        UNAVAILABLE("login.unavailable"),
        /** Not a failed sign-in: the session reached its absolute lifetime ({@link SessionLifetimeFilter}). */
        SESSION_ENDED("login.session-ended"),
        NO_MAPPED_ROLE("login.no-role", true),
        SECOND_FACTOR_MISSING("login.second-factor", true),
        DISABLED("login.disabled", true),
        /** The provider or the exchange with it failed (it refused, or its answer was not valid). */
        PROVIDER_FAILED("login.provider-failed", true);

        final String key;
        /** Told beside the provider's button rather than in the password form. */
        final boolean fromProvider;

        Failure(String key) {
            this(key, false);
        }

        Failure(String key, boolean fromProvider) {
            this.key = key;
            this.fromProvider = fromProvider;
        }
    }

    private void showTexts(Failure failure) {
        texts = i18n(failure);
        form.setI18n(texts);
    }

    private void showRefusal(Failure failure) {
        Paragraph message = new Paragraph(getTranslation(failure.key + ".message"));
        message.setId("sign-in-refused-message");
        refusal.removeAll();
        refusal.add(new H2(getTranslation(failure.key + ".title")), message);
        refusal.setVisible(true);
    }

    private LoginI18n i18n(Failure failure) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation(failure.key + ".title"));
        i18n.getErrorMessage().setMessage(getTranslation(failure.key + ".message"));
        i18n.getErrorMessage().setUsername(getTranslation("login.username.required"));
        i18n.getErrorMessage().setPassword(getTranslation("login.password.required"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            Failure failure = lastFailure();
            if (failure.fromProvider) {
                showRefusal(failure);
            } else {
                showTexts(failure);
                form.setError(true);
            }
        } else if (sessionLifetimeEnded()) {
            showTexts(Failure.SESSION_ENDED);
            form.setError(true);
        }
    }

    /** Whether this session replaces one that {@link SessionLifetimeFilter} just ended; answers once. */
    private static boolean sessionLifetimeEnded() {
        HttpSession session = httpSession();
        if (session == null || session.getAttribute(SessionLifetimeFilter.ENDED) == null) {
            return false;
        }
        session.removeAttribute(SessionLifetimeFilter.ENDED);
        return true;
    }

    /** Spring Security keeps the last sign-in failure in the HTTP session. */
    private static Failure lastFailure() {
        HttpSession session = httpSession();
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof SignInFailures.ThrottledException) {
            return Failure.THROTTLED;
        }
        if (failure instanceof StaffOidcUserService.RefusedException refused) {
            return switch (refused.reason) {
                case NO_MAPPED_ROLE -> Failure.NO_MAPPED_ROLE;
                case SECOND_FACTOR_MISSING -> Failure.SECOND_FACTOR_MISSING;
                case DISABLED -> Failure.DISABLED;
            };
        }
        if (failure instanceof OAuth2AuthenticationException) {
            return Failure.PROVIDER_FAILED;
        }
        // The user store could not be read: nothing is known about the name or the password.
        return failure instanceof InternalAuthenticationServiceException ? Failure.UNAVAILABLE : Failure.CREDENTIALS;
    }

    private static @Nullable HttpSession httpSession() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        return request == null ? null : request.getHttpServletRequest().getSession(false);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }
}
