package com.closureconsole.ui.account;

import com.closureconsole.account.AccountDirectory;
import com.closureconsole.account.AccountProfile;
import com.closureconsole.closure.EligibilityReport;
import com.closureconsole.closure.ClosureRequestView;
import com.closureconsole.closure.ClosureQueries;
import com.closureconsole.closure.ClosureSubmission;
import com.closureconsole.closure.FlowSteps;
import com.closureconsole.shared.AccountIds;
import com.closureconsole.closure.EligibilityService;
import com.closureconsole.ui.Formats;
import com.closureconsole.ui.checklist.CustomerChecklistPanel;
import com.closureconsole.ui.closure.ClosureRequestsGrid;
import com.closureconsole.ui.closure.EligibilityPanel;
import com.closureconsole.ui.closure.StartClosureDialog;
import java.util.List;
import java.util.Objects;

import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

/**
 * One account: header with masked profile and badges, the verdict line, the pre-checks and the ten
 * conditions, and the start of a closure when nothing blocks.
 */
@Route("accounts/:accountId")
@PermitAll
public class AccountView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ACCOUNT_ID = "accountId";

    final H2 title = new H2();
    final Span name = new Span();
    final Span phone = new Span();
    final Span email = new Span();
    final Span taobao = new Span();
    final Button reveal = new Button();
    final Paragraph notFound = new Paragraph();
    final Div profile = new Div();
    final EligibilityPanel eligibilityPanel;
    final Button startClosure = new Button();
    final Span startClosureReason = new Span();
    /** The account's closure requests, under their heading; built only for an account that has any. */
    final Div requests = new Div();
    final CustomerChecklistPanel checklist;
    final com.vaadin.flow.component.html.Anchor auditTrail = new com.vaadin.flow.component.html.Anchor();

    private final AccountDirectory directory;
    private final EligibilityService eligibility;
    private final Formats formats;
    private final FlowSteps steps;
    private final ClosureSubmission submission;
    private final ClosureQueries closures;
    private final ObjectProvider<ClosureRequestsGrid> requestsGrid;
    private final com.closureconsole.security.CurrentStaff currentStaff;
    private String accountId = "";
    /** The account shown; none until it is found. */
    private @Nullable AccountProfile account;

    public AccountView(AccountDirectory directory, EligibilityService eligibility, Formats formats,
                       FlowSteps steps, ClosureSubmission submission, ClosureQueries closures,
                       ObjectProvider<ClosureRequestsGrid> requestsGrid,
                       com.closureconsole.security.CurrentStaff currentStaff, CustomerChecklistPanel checklist) {
        this.directory = directory;
        this.eligibility = eligibility;
        this.formats = formats;
        this.steps = steps;
        this.submission = submission;
        this.closures = closures;
        this.requestsGrid = requestsGrid;
        this.currentStaff = currentStaff;
        this.checklist = checklist;
        this.eligibilityPanel = new EligibilityPanel(formats);
        setId("account-view");
        addClassName("account-view");

        notFound.setId("account-not-found");
        notFound.setVisible(false);
        name.setId("profile-name");
        phone.setId("profile-phone");
        email.setId("profile-email");
        taobao.setId("profile-taobao");
        reveal.setId("reveal-personal-data");
        reveal.setText(getTranslation("account.reveal"));
        reveal.setIcon(VaadinIcon.EYE.create());
        reveal.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        reveal.addClickListener(e -> new RevealDialog(accountId, directory, this::showRevealed).open());
        profile.addClassName("account-profile");

        startClosure.setId("start-closure");
        startClosure.setText(getTranslation("account.startClosure"));
        startClosure.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        startClosure.addClickListener(e -> new StartClosureDialog(accountId,
                Objects.requireNonNull(account, "the button shows with a found account").identityType(), steps,
                submission, formats, this::refresh).open());
        startClosureReason.setId("start-closure-reason");
        startClosureReason.addClassName("start-closure-reason");
        HorizontalLayout actions = new HorizontalLayout(startClosure, startClosureReason, auditTrail);
        actions.setAlignItems(Alignment.CENTER);

        auditTrail.setId("account-audit-trail");
        auditTrail.setText(getTranslation("account.auditTrail"));
        requests.setId("account-closure-requests");
        add(title, notFound, profile, actions, checklist.sendAction(), eligibilityPanel, checklist, requests);
    }

    static RouteParameters parameters(String accountId) {
        return new RouteParameters(ACCOUNT_ID, accountId);
    }

    /**
     * Vaadin keeps this view when the agent goes from one account straight to another (history, a
     * link), so everything an account shows is set here and in {@link #show} or {@link #showNotFound},
     * never only in the constructor.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        accountId = event.getRouteParameters().get(ACCOUNT_ID).orElse("").strip();
        title.setText(getTranslation("account.title", accountId));
        if (!AccountIds.isAccountId(accountId)) {
            showNotFound(getTranslation("account.invalidId", accountId));
            return;
        }
        directory.open(accountId).ifPresentOrElse(this::show,
                () -> showNotFound(getTranslation("account.notFound", accountId)));
    }

    /** After a closure was submitted: the account's status and requests changed. */
    private void refresh() {
        directory.open(accountId).ifPresent(this::show);
    }

    private void show(AccountProfile account) {
        this.account = account;
        auditTrail.setHref("audit?account=" + account.accountId());
        // The audit trail is for supervisors: agents do not get the link at all.
        auditTrail.setVisible(currentStaff.get()
                .map(staff -> staff.role() == com.closureconsole.security.StaffRole.SUPERVISOR).orElse(false));
        notFound.setVisible(false);
        for (com.vaadin.flow.component.Component part : List.of(profile, eligibilityPanel, checklist,
                checklist.sendAction(), startClosure)) {
            part.setVisible(true);
        }
        // The personal data shown is masked again, so it can be revealed (with a reason) again.
        reveal.setEnabled(true);
        reveal.setText(getTranslation("account.reveal"));
        name.setText(account.maskedName());
        phone.setText(account.maskedPhone());
        email.setText(account.hasEmail() ? account.maskedEmail() : getTranslation("account.noEmail"));
        taobao.setText(account.taobaoId() == null ? getTranslation("account.taobao.none")
                : getTranslation(Boolean.TRUE.equals(account.taobaoClosable()) ? "account.taobao.closable"
                        : "account.taobao.notClosable", account.taobaoId()));
        HorizontalLayout badges = new HorizontalLayout(AccountBadges.status(account.status()),
                AccountBadges.identity(account.identityType()));
        badges.setSpacing(true);
        profile.removeAll();
        profile.add(badges,
                field("account.field.name", name), field("account.field.phone", phone),
                field("account.field.email", email), field("account.field.taobao", taobao),
                field("account.field.registered", new Span(formats.date(account.registeredAt(), getLocale()))),
                reveal);
        EligibilityReport report = eligibility.check(accountId);
        eligibilityPanel.show(report);
        checklist.show(accountId, report);
        startClosure.setEnabled(report.closable());
        startClosureReason.setText(report.closable() ? "" : getTranslation("account.startClosure.disabled"));
        showRequests(closures.forAccount(accountId));
    }

    /**
     * Most accounts an agent opens have no closure request; their view holds no grid (a grid with
     * its columns and data channel is the heaviest part of a view, and an agent keeps many open).
     */
    private void showRequests(List<ClosureRequestView> history) {
        requests.removeAll();
        requests.setVisible(!history.isEmpty());
        if (!history.isEmpty()) {
            ClosureRequestsGrid grid = requestsGrid.getObject();
            grid.setAllRowsVisible(true);
            grid.show(history);
            requests.add(new com.vaadin.flow.component.html.H3(getTranslation("account.requests")), grid);
        }
    }

    private Div field(String labelKey, com.vaadin.flow.component.Component value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("field-label");
        Div field = new Div(label, value);
        field.addClassName("profile-field");
        return field;
    }

    private void showRevealed(com.closureconsole.account.PersonalData data) {
        name.setText(data.name());
        phone.setText(data.phone());
        email.setText(data.email() == null ? getTranslation("account.noEmail") : data.email());
        reveal.setEnabled(false);
        reveal.setText(getTranslation("account.revealed"));
    }

    private void showNotFound(String message) {
        account = null;
        notFound.setText(message);
        notFound.setVisible(true);
        auditTrail.setVisible(false);
        startClosureReason.setText("");
        profile.setVisible(false);
        eligibilityPanel.setVisible(false);
        checklist.setVisible(false);
        checklist.sendAction().setVisible(false);
        startClosure.setVisible(false);
        requests.setVisible(false);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title", accountId) + " · " + getTranslation("app.name");
    }
}
