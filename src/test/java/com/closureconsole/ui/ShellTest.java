package com.closureconsole.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.closureconsole.ui.account.AccountsView;
import com.closureconsole.ui.audit.AuditView;
import com.closureconsole.security.LanguageSwitch;
import com.closureconsole.ui.i18n.Translations;
import com.closureconsole.security.LoginView;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;

class ShellTest extends KaribuTest {

    @Test
    void anonymous_user_lands_on_the_login_view() {
        UI.getCurrent().navigate("");
        _get(LoginView.class);
        assertThat(_find(AccountsView.class)).isEmpty();
    }

    @Test
    void anonymous_user_cannot_reach_a_supervisor_route_either() {
        UI.getCurrent().navigate("audit");
        _get(LoginView.class);
        assertThat(_find(AuditView.class)).isEmpty();
    }

    @Test
    void agent_signs_in_and_sees_the_home_view_with_name_and_role() {
        login("agent1", "AGENT");
        UI.getCurrent().navigate("");
        _get(AccountsView.class);
        assertThat(_get(Span.class, spec -> spec.withId("current-user")).getText()).isEqualTo("agent1");
        assertThat(_get(Span.class, spec -> spec.withId("current-role")).getText()).isEqualTo("Agent");
        assertThat(_get(Span.class, spec -> spec.withId("demo-badge")).getText()).as("the demo says it is one").isEqualTo("Demo");
    }

    @Test
    void agent_cannot_open_a_supervisor_route() {
        login("agent1", "AGENT");
        UI.getCurrent().navigate("audit");
        assertThat(_find(AuditView.class)).isEmpty();
        _get(com.closureconsole.ui.error.AccessDeniedView.class);
    }

    @Test
    void supervisor_opens_the_supervisor_route() {
        login("supervisor1", "SUPERVISOR");
        UI.getCurrent().navigate("audit");
        _get(AuditView.class);
    }

    /**
     * Vaadin reads the views' access annotations itself; were method security to read them too, every
     * view would be created as a proxy (matching every advisor against every method of the class on each
     * navigation) and each of its calls would pass an authorization check.
     */
    @Test
    void every_view_is_the_view_itself_not_a_proxy() {
        login("supervisor1", "SUPERVISOR");
        for (String route : java.util.List.of("", "accounts/2088000000000020", "closures", "approvals", "audit", "dashboard")) {
            UI.getCurrent().navigate(route);
            assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain()).as(route).isNotEmpty()
                    .allSatisfy(target -> assertThat(AopUtils.isAopProxy(target)).as(route + ": " + target.getClass()).isFalse());
        }
    }

    @Test
    void agent_menu_has_no_supervisor_entries() {
        login("agent1", "AGENT");
        UI.getCurrent().navigate("");
        var labels = _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
        assertThat(labels).contains("Accounts").doesNotContain("Audit");
    }

    @Test
    void supervisor_menu_has_the_audit_entry() {
        login("supervisor1", "SUPERVISOR");
        UI.getCurrent().navigate("");
        var labels = _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
        assertThat(labels).contains("Accounts", "Audit");
    }

    @Test
    void language_switch_redraws_the_shell_in_chinese() {
        login("agent1", "AGENT");
        UI.getCurrent().navigate("");
        LocatorJ._get(LanguageSwitch.class).setValue(Translations.CHINESE);
        var labels = _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
        assertThat(labels).contains("账户");
        assertThat(_get(Span.class, spec -> spec.withId("current-role")).getText()).isEqualTo("客服");
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Translations.CHINESE);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.boot.autoconfigure.web.ServerProperties server;

    @Test
    void idle_sessions_end_because_the_heartbeat_does_not_keep_them_alive() {
        assertThat(com.vaadin.flow.server.VaadinService.getCurrent().getDeploymentConfiguration().isCloseIdleSessions())
                .isTrue();
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(java.time.Duration.ofMinutes(30));
    }
}
