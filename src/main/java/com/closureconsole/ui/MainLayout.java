package com.closureconsole.ui;

import com.closureconsole.database.DemoMode;
import com.closureconsole.security.CurrentStaff;
import com.closureconsole.security.LanguageSwitch;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The shell around every signed-in view: side navigation built from the views' {@code @Menu}
 * entries (so supervisor entries are absent for agents), the signed-in user and role, the
 * language switch and sign-out.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    final SideNav navigation = new SideNav();
    final Span userName = new Span();
    final Span userRole = new Span();
    final Button signOut;

    public MainLayout(CurrentStaff currentStaff, AuthenticationContext authentication, DemoMode demo) {
        setPrimarySection(Section.DRAWER);
        addClassName("main-layout");

        Span product = new Span(getTranslation("app.name"));
        product.addClassName("app-name");
        Header header = new Header(product);
        header.addClassName("drawer-header");
        if (demo.enabled()) {
            Span badge = new Span(getTranslation("demo.badge"));
            badge.setId("demo-badge");
            badge.setTitle(getTranslation("demo.badge.title"));
            badge.getElement().getThemeList().add("badge error small");
            header.add(badge);
        }

        navigation.setId("main-navigation");
        MenuConfiguration.getMenuEntries().forEach(entry -> navigation.addItem(item(entry)));

        currentStaff.get().ifPresent(staff -> {
            userName.setText(staff.displayName());
            userRole.setText(getTranslation("role." + staff.role()));
        });
        userName.setId("current-user");
        userName.addClassName("current-user");
        userRole.setId("current-role");
        userRole.getElement().getThemeList().add("badge contrast small");

        signOut = new Button(getTranslation("nav.signOut"), VaadinIcon.SIGN_OUT.create(), click -> authentication.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        Div user = new Div(userName, userRole);
        user.addClassName("user-card");
        Footer footer = new Footer(user, new LanguageSwitch(), signOut);
        footer.addClassName("drawer-footer");

        addToDrawer(header, new Scroller(navigation), footer);
        addToNavbar(new DrawerToggle());
    }

    private SideNavItem item(MenuEntry entry) {
        SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
        if (entry.icon() != null && entry.icon().startsWith("vaadin:")) {
            item.setPrefixComponent(new Icon("vaadin", entry.icon().substring("vaadin:".length())));
        }
        return item;
    }
}
