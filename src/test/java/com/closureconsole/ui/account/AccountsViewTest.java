package com.closureconsole.ui.account;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.closureconsole.ui.KaribuTest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyDownEvent;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountsViewTest extends KaribuTest {

    AccountsView view;

    @BeforeEach
    void openHome() {
        login("agent1", "AGENT");
        UI.getCurrent().navigate("");
        view = _get(AccountsView.class);
    }

    private void search(String typed) {
        view.search.setValue(typed);
        ButtonKt._click(view.searchButton);
    }

    private List<AccountsView.Row> rows() {
        return GridKt._fetch(view.results, 0, 100);
    }

    private String openedAccount() {
        return _get(AccountView.class).title.getText();
    }

    @Test
    void enter_in_the_search_field_searches() {
        view.search.setValue("2088000000000002");
        ComponentUtil.fireEvent(view.search, new KeyDownEvent(view.search, Key.ENTER.getKeys().get(0)));
        assertThat(openedAccount()).isEqualTo("Account 2088000000000002");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+86 138 0013 8005", "13800138005", "138-0013-8005"})
    void each_phone_format_opens_the_same_account(String typed) {
        search(typed);
        assertThat(openedAccount()).isEqualTo("Account 2088000000000005");
    }

    @Test
    void an_email_opens_its_account() {
        search("Wang.Fang@Example.com");
        assertThat(openedAccount()).isEqualTo("Account 2088000000000002");
    }

    @Test
    void a_taobao_id_opens_the_linked_account() {
        search("tb_guomin");
        assertThat(openedAccount()).isEqualTo("Account 2088000000000016");
    }

    @Test
    void a_chinese_name_lists_matching_accounts_masked_with_their_blocker_counts() {
        search("朱琳");
        assertThat(view.results.isVisible()).isTrue();
        AccountsView.Row row = rows().stream().filter(r -> r.account().accountId().equals("2088000000000014"))
                .findFirst().orElseThrow();
        assertThat(row.account().maskedName()).isEqualTo("*琳");
        assertThat(row.account().maskedPhone()).isEqualTo("138****8014");
        assertThat(row.account().maskedEmail()).isEqualTo("z***@example.com");
        assertThat(row.blockers()).isEqualTo(4);
    }

    @Test
    void a_partial_latin_name_lists_the_account() {
        search("Emil");
        assertThat(rows()).extracting(r -> r.account().accountId()).containsExactly("2088000000000020");
    }

    @Test
    void a_single_chinese_character_finds_names_containing_it() {
        search("伟");
        assertThat(rows()).extracting(r -> r.account().accountId()).contains("2088000000000001");
    }

    @Test
    void clicking_a_result_opens_the_account() {
        search("Emil");
        GridKt._clickItem(view.results, 0);
        assertThat(openedAccount()).isEqualTo("Account 2088000000000020");
    }

    @Test
    void no_match_says_what_was_searched_and_suggests_other_forms() {
        search("不存在的名字");
        assertThat(view.emptyResult.isVisible()).isTrue();
        assertThat(view.emptyResult.getText()).contains("不存在的名字").contains("16-digit account id");
        assertThat(view.results.isVisible()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "%%%", "12345", "zhang@"})
    void bad_input_gets_a_message_beside_the_field_and_runs_no_search(String typed) {
        search(typed);
        assertThat(view.search.isInvalid()).isTrue();
        assertThat(view.search.getErrorMessage()).isNotBlank().doesNotStartWith("!");
        assertThat(view.results.isVisible()).isFalse();
        _get(AccountsView.class);
    }

    @Test
    void overlong_input_gets_its_own_message() {
        search("张".repeat(201));
        assertThat(view.search.isInvalid()).isTrue();
        assertThat(view.search.getErrorMessage()).contains("200 characters");
    }

    @Test
    void typing_again_clears_the_message() {
        search("%%%");
        view.search.setValue("张伟");
        assertThat(view.search.isInvalid()).isFalse();
    }
}
