package com.closureconsole.ui.audit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.closureconsole.account.AccountSearch;
import com.closureconsole.audit.AuditAction;
import com.closureconsole.account.AccountAction;
import com.closureconsole.closure.ClosureAction;
import com.closureconsole.closure.EligibilityService;
import com.closureconsole.ui.KaribuTest;
import com.closureconsole.ui.i18n.Translations;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit grid's details column, on entries the console really recorded: words in the
 * supervisor's language, personal data masked as the trail stores it, never the JSON.
 */
class AuditGridWordsTest extends KaribuTest {

    static final String BLOCKED_ACCOUNT = "2088000000000014";

    @Autowired
    EligibilityService eligibility;
    @Autowired
    AccountSearch search;

    private AuditView audit(AuditAction action) {
        UI.getCurrent().navigate("audit");
        AuditView view = _get(AuditView.class);
        _setValue(view.filters.account, BLOCKED_ACCOUNT);
        _setValue(view.filters.action, action);
        return view;
    }

    @Test
    void a_blocked_check_reads_as_what_blocks_with_its_figures_in_english_and_in_chinese() {
        login("supervisor1", "SUPERVISOR");
        eligibility.check(BLOCKED_ACCOUNT);

        AuditView view = audit(ClosureAction.ELIGIBILITY_CHECK);
        String english = GridKt._getFormatted(view.grid, 0, "details");
        assertThat(english).startsWith("blocked: balance ¥").contains("Yu'e Bao ¥", "Huabei", "dispute on trade ")
                .doesNotContain("{", "\"", "CNY");

        useLocale(Translations.CHINESE);
        view = audit(ClosureAction.ELIGIBILITY_CHECK);
        assertThat(GridKt._getFormatted(view.grid, 0, "details")).startsWith("不可注销：余额 ").contains(" 元", "余额宝", "花呗");
    }

    @Test
    void a_search_reads_as_its_kind_and_the_masked_number_as_the_trail_stores_it() {
        login("supervisor1", "SUPERVISOR");
        search.start(search.parse("138 0013 8014"));

        AuditView view = audit(AccountAction.ACCOUNT_SEARCH);
        String words = GridKt._getFormatted(view.grid, 0, "details");
        assertThat(words).startsWith("by phone: ").endsWith("; opened " + BLOCKED_ACCOUNT)
                .doesNotContain("13800138014", "0013 8014");
        assertThat(words).contains(String.valueOf(GridKt._get(view.grid, 0).details().get("query")));
    }
}
